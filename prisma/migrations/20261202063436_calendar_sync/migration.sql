-- AlterTable
ALTER TABLE "Committee" ADD COLUMN     "calendarFeedToken" TEXT,
ADD COLUMN     "calendarSyncError" TEXT,
ADD COLUMN     "calendarSyncFailedAt" TIMESTAMPTZ(3),
ADD COLUMN     "calendarSyncLeaseUntil" TIMESTAMPTZ(3),
ADD COLUMN     "calendarWindowStart" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN     "sequence" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE UNIQUE INDEX "Committee_calendarFeedToken_key" ON "Committee"("calendarFeedToken");

-- CreateIndex
CREATE INDEX "Meeting_committeeId_calendarEventId_idx" ON "Meeting"("committeeId", "calendarEventId");
