-- AlterTable
ALTER TABLE "AgendaItem" ADD COLUMN     "changedInPublish" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "OutboundDelivery" DROP COLUMN "updateActivityId",
ADD COLUMN     "afterKey" TEXT,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0,
ALTER COLUMN "activity" DROP NOT NULL;
