-- AlterTable
ALTER TABLE "OutboundDelivery" ADD COLUMN     "committeeId" UUID,
ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'message',
ADD COLUMN     "subjectId" TEXT;

-- CreateTable
CREATE TABLE "SendPace" (
    "key" TEXT NOT NULL,
    "nextAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SendPace_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "OutboundDelivery_kind_subjectId_idx" ON "OutboundDelivery"("kind", "subjectId");
