-- AlterTable
ALTER TABLE "InputRequest" ADD COLUMN     "noteTokenIssuedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "Minutes" ADD COLUMN     "tokenIssuedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- Notes compiled before links expired: their links count from now.
UPDATE "InputRequest" SET "noteTokenIssuedAt" = CURRENT_TIMESTAMP WHERE "noteToken" IS NOT NULL;
