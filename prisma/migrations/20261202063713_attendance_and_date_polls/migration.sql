-- CreateEnum
CREATE TYPE "QuorumRule" AS ENUM ('more_than_half', 'at_least_half', 'none');

-- CreateEnum
CREATE TYPE "DatePollStatus" AS ENUM ('open', 'closed');

-- CreateEnum
CREATE TYPE "DateAnswer" AS ENUM ('yes', 'preferred', 'no');

-- AlterTable
ALTER TABLE "Committee" ADD COLUMN     "quorumMinimum" INTEGER,
ADD COLUMN     "quorumRule" "QuorumRule" NOT NULL DEFAULT 'more_than_half';

-- AlterTable
ALTER TABLE "MeetingAttendance" ADD COLUMN     "note" TEXT,
ADD COLUMN     "recordedById" UUID,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "DatePoll" (
    "id" UUID NOT NULL,
    "committeeId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "place" TEXT,
    "deadline" TIMESTAMPTZ(3),
    "status" "DatePollStatus" NOT NULL DEFAULT 'open',
    "createdById" UUID,
    "closedById" UUID,
    "closedAt" TIMESTAMPTZ(3),
    "cardActivityId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "DatePoll_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DatePollGroup" (
    "id" UUID NOT NULL,
    "pollId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "chosenCandidateId" UUID,
    "meetingId" UUID,
    "outlookState" TEXT,
    "outlookClaimedUntil" TIMESTAMPTZ(3),
    "outlookError" TEXT,

    CONSTRAINT "DatePollGroup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DatePollCandidate" (
    "id" UUID NOT NULL,
    "groupId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "DatePollCandidate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DatePollAnswer" (
    "id" UUID NOT NULL,
    "candidateId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "answer" "DateAnswer" NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "DatePollAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DatePoll_committeeId_status_idx" ON "DatePoll"("committeeId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "DatePollGroup_meetingId_key" ON "DatePollGroup"("meetingId");

-- CreateIndex
CREATE INDEX "DatePollGroup_outlookState_idx" ON "DatePollGroup"("outlookState");

-- CreateIndex
CREATE UNIQUE INDEX "DatePollGroup_pollId_position_key" ON "DatePollGroup"("pollId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "DatePollCandidate_groupId_position_key" ON "DatePollCandidate"("groupId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "DatePollAnswer_candidateId_personId_key" ON "DatePollAnswer"("candidateId", "personId");

-- CreateIndex
CREATE INDEX "MeetingAttendance_standInId_idx" ON "MeetingAttendance"("standInId");

-- AddForeignKey
ALTER TABLE "MeetingAttendance" ADD CONSTRAINT "MeetingAttendance_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DatePoll" ADD CONSTRAINT "DatePoll_committeeId_fkey" FOREIGN KEY ("committeeId") REFERENCES "Committee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DatePoll" ADD CONSTRAINT "DatePoll_closedById_fkey" FOREIGN KEY ("closedById") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DatePollGroup" ADD CONSTRAINT "DatePollGroup_pollId_fkey" FOREIGN KEY ("pollId") REFERENCES "DatePoll"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DatePollGroup" ADD CONSTRAINT "DatePollGroup_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DatePollCandidate" ADD CONSTRAINT "DatePollCandidate_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "DatePollGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DatePollAnswer" ADD CONSTRAINT "DatePollAnswer_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "DatePollCandidate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DatePollAnswer" ADD CONSTRAINT "DatePollAnswer_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
