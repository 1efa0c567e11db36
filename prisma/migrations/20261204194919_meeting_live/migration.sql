-- CreateTable
CREATE TABLE "MeetingLive" (
    "meetingId" UUID NOT NULL,
    "currentItemId" UUID,
    "version" INTEGER NOT NULL DEFAULT 0,
    "changedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "changedById" UUID,

    CONSTRAINT "MeetingLive_pkey" PRIMARY KEY ("meetingId")
);

-- AddForeignKey
ALTER TABLE "MeetingLive" ADD CONSTRAINT "MeetingLive_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;
