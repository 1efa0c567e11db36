-- CreateEnum
CREATE TYPE "MinutesStatus" AS ENUM ('draft', 'published', 'approved');

-- AlterTable
ALTER TABLE "ActionItem" ADD COLUMN     "createdById" UUID,
ADD COLUMN     "doneById" UUID,
ADD COLUMN     "position" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "AgendaItem" ADD COLUMN     "approvesMinutesOfId" UUID;

-- AlterTable
ALTER TABLE "Decision" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Meeting" DROP COLUMN "minutesMarkdown",
DROP COLUMN "minutesPublishedAt";

-- CreateTable
CREATE TABLE "Minutes" (
    "id" UUID NOT NULL,
    "meetingId" UUID NOT NULL,
    "status" "MinutesStatus" NOT NULL DEFAULT 'draft',
    "version" INTEGER NOT NULL DEFAULT 1,
    "markdown" TEXT NOT NULL,
    "docx" BYTEA NOT NULL,
    "token" TEXT NOT NULL,
    "builtAt" TIMESTAMPTZ(3) NOT NULL,
    "builtById" UUID,
    "publishedAt" TIMESTAMPTZ(3),
    "approvedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Minutes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MinutesCorrection" (
    "id" UUID NOT NULL,
    "minutesId" UUID NOT NULL,
    "agendaItemId" UUID,
    "note" TEXT NOT NULL,
    "byId" UUID,
    "correctedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "issuedIn" INTEGER,

    CONSTRAINT "MinutesCorrection_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Minutes_meetingId_key" ON "Minutes"("meetingId");

-- CreateIndex
CREATE INDEX "MinutesCorrection_minutesId_correctedAt_idx" ON "MinutesCorrection"("minutesId", "correctedAt");

-- CreateIndex
CREATE INDEX "ActionItem_decisionId_idx" ON "ActionItem"("decisionId");

-- AddForeignKey
ALTER TABLE "AgendaItem" ADD CONSTRAINT "AgendaItem_approvesMinutesOfId_fkey" FOREIGN KEY ("approvesMinutesOfId") REFERENCES "Meeting"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Minutes" ADD CONSTRAINT "Minutes_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MinutesCorrection" ADD CONSTRAINT "MinutesCorrection_minutesId_fkey" FOREIGN KEY ("minutesId") REFERENCES "Minutes"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Full-text search of decisions ("beslutninger takstaftalen") with PostgreSQL's Danish
-- configuration, on both databases. Expression indexes are outside what Prisma's schema
-- describes, so the schema engine's diff leaves them alone.
CREATE INDEX "Decision_text_danish_idx" ON "Decision" USING gin (to_tsvector('danish', "text"));
CREATE INDEX "AgendaItem_title_danish_idx" ON "AgendaItem" USING gin (to_tsvector('danish', "title"));
