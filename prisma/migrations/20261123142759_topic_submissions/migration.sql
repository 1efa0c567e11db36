-- AlterTable
ALTER TABLE "TopicSubmission" ADD COLUMN     "lateForMeetingId" UUID,
ADD COLUMN     "question" TEXT;
