-- AlterTable
ALTER TABLE "AgendaItem" ADD COLUMN     "closed" BOOLEAN NOT NULL DEFAULT false;
