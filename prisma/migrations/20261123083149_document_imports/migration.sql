-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('previewed', 'saved', 'cancelled');

-- CreateEnum
CREATE TYPE "DocumentKind" AS ENUM ('agenda', 'minutes');

-- CreateTable
CREATE TABLE "DocumentImport" (
    "id" UUID NOT NULL,
    "committeeId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "kind" "DocumentKind" NOT NULL,
    "fileName" TEXT,
    "parsed" JSONB NOT NULL,
    "status" "ImportStatus" NOT NULL DEFAULT 'previewed',
    "meetingId" UUID,
    "savedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "DocumentImport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DocumentImport_committeeId_personId_status_idx" ON "DocumentImport"("committeeId", "personId", "status");

-- AddForeignKey
ALTER TABLE "DocumentImport" ADD CONSTRAINT "DocumentImport_committeeId_fkey" FOREIGN KEY ("committeeId") REFERENCES "Committee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentImport" ADD CONSTRAINT "DocumentImport_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentImport" ADD CONSTRAINT "DocumentImport_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE SET NULL ON UPDATE CASCADE;
