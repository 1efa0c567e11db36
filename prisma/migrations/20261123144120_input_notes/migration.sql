-- AlterTable
ALTER TABLE "InputRequest" ADD COLUMN     "compiledDocx" BYTEA,
ADD COLUMN     "noteToken" TEXT;
