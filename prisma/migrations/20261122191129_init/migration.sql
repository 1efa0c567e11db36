-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "OrganisationKind" AS ENUM ('municipality', 'region', 'secretariat', 'other');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('chair', 'secretariat', 'member', 'observer');

-- CreateEnum
CREATE TYPE "MeetingStatus" AS ENUM ('planned', 'agenda_published', 'held', 'minutes_published', 'cancelled');

-- CreateEnum
CREATE TYPE "SectionKind" AS ENUM ('decision', 'information', 'upcoming', 'written', 'other');

-- CreateEnum
CREATE TYPE "ItemStatus" AS ENUM ('draft', 'published', 'decided', 'withdrawn');

-- CreateEnum
CREATE TYPE "AttachmentAccess" AS ENUM ('open', 'closed');

-- CreateEnum
CREATE TYPE "AttachmentAvailability" AS ENUM ('attached', 'to_follow');

-- CreateEnum
CREATE TYPE "SubmissionStatus" AS ENUM ('submitted', 'accepted', 'moved', 'declined', 'withdrawn');

-- CreateEnum
CREATE TYPE "SubmissionPurpose" AS ENUM ('decision', 'discussion', 'information');

-- CreateEnum
CREATE TYPE "InputAudience" AS ENUM ('every_member', 'one_per_organisation');

-- CreateEnum
CREATE TYPE "InputRequestStatus" AS ENUM ('draft', 'open', 'closed', 'compiled');

-- CreateEnum
CREATE TYPE "PositionKind" AS ENUM ('acknowledged', 'can_approve', 'wants_discussion', 'cannot_approve');

-- CreateEnum
CREATE TYPE "Attendance" AS ENUM ('attending', 'absent');

-- CreateEnum
CREATE TYPE "DecisionOutcome" AS ENUM ('approved', 'approved_with_changes', 'noted', 'discussed', 'postponed', 'rejected');

-- CreateEnum
CREATE TYPE "ActionStatus" AS ENUM ('open', 'done', 'cancelled');

-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('pending', 'sending', 'sent', 'failed', 'unreachable');

-- CreateTable
CREATE TABLE "Committee" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "fullName" TEXT,
    "timeZone" TEXT NOT NULL DEFAULT 'Europe/Copenhagen',
    "locale" TEXT NOT NULL DEFAULT 'da-DK',
    "submissionDeadlineDays" INTEGER NOT NULL DEFAULT 42,
    "digestDaysBefore" INTEGER NOT NULL DEFAULT 3,
    "tenantId" TEXT,
    "teamId" TEXT,
    "teamAadGroupId" TEXT,
    "channelId" TEXT,
    "conversationId" TEXT,
    "serviceUrl" TEXT,
    "calendarMailbox" TEXT,
    "calendarMatch" TEXT,
    "calendarDeltaLink" TEXT,
    "calendarSyncedAt" TIMESTAMPTZ(3),
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Committee_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Organisation" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "OrganisationKind" NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Organisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CommitteeOrganisation" (
    "committeeId" UUID NOT NULL,
    "organisationId" UUID NOT NULL,

    CONSTRAINT "CommitteeOrganisation_pkey" PRIMARY KEY ("committeeId","organisationId")
);

-- CreateTable
CREATE TABLE "Person" (
    "id" UUID NOT NULL,
    "displayName" TEXT NOT NULL,
    "email" TEXT,
    "aadObjectId" TEXT,
    "teamsUserId" TEXT,
    "tenantId" TEXT,
    "serviceUrl" TEXT,
    "personalConversationId" TEXT,
    "locale" TEXT,
    "digestMuted" BOOLEAN NOT NULL DEFAULT false,
    "unreachableAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Membership" (
    "id" UUID NOT NULL,
    "committeeId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "organisationId" UUID,
    "role" "Role" NOT NULL DEFAULT 'member',
    "title" TEXT,
    "standInId" UUID,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Meeting" (
    "id" UUID NOT NULL,
    "committeeId" UUID NOT NULL,
    "title" TEXT,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,
    "place" TEXT,
    "room" TEXT,
    "onlineUrl" TEXT,
    "status" "MeetingStatus" NOT NULL DEFAULT 'planned',
    "submissionDeadline" TIMESTAMPTZ(3),
    "calendarEventId" TEXT,
    "iCalUId" TEXT,
    "agendaPublishedAt" TIMESTAMPTZ(3),
    "overviewActivityId" TEXT,
    "minutesMarkdown" TEXT,
    "minutesPublishedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Meeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgendaItem" (
    "id" UUID NOT NULL,
    "meetingId" UUID NOT NULL,
    "sectionKind" "SectionKind" NOT NULL DEFAULT 'other',
    "sectionNumber" INTEGER,
    "sectionTitle" TEXT,
    "number" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "presenter" TEXT,
    "recommendationIntro" TEXT,
    "recommendations" TEXT[],
    "caseText" TEXT NOT NULL DEFAULT '',
    "status" "ItemStatus" NOT NULL DEFAULT 'draft',
    "changedSincePublish" BOOLEAN NOT NULL DEFAULT false,
    "cardActivityId" TEXT,
    "cardConversationId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AgendaItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Attachment" (
    "id" UUID NOT NULL,
    "agendaItemId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "url" TEXT,
    "access" "AttachmentAccess" NOT NULL DEFAULT 'open',
    "availability" "AttachmentAvailability" NOT NULL DEFAULT 'attached',
    "fileName" TEXT,
    "contentType" TEXT,
    "content" BYTEA,
    "announcedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Attachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TopicSubmission" (
    "id" UUID NOT NULL,
    "committeeId" UUID NOT NULL,
    "meetingId" UUID NOT NULL,
    "submitterId" UUID NOT NULL,
    "organisationId" UUID,
    "title" TEXT NOT NULL,
    "purpose" "SubmissionPurpose" NOT NULL DEFAULT 'discussion',
    "description" TEXT NOT NULL DEFAULT '',
    "presenter" TEXT,
    "links" TEXT[],
    "late" BOOLEAN NOT NULL DEFAULT false,
    "status" "SubmissionStatus" NOT NULL DEFAULT 'submitted',
    "reason" TEXT,
    "reviewerId" UUID,
    "reviewedAt" TIMESTAMPTZ(3),
    "agendaItemId" UUID,
    "reviewActivityId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "TopicSubmission_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InputRequest" (
    "id" UUID NOT NULL,
    "committeeId" UUID NOT NULL,
    "meetingId" UUID,
    "agendaItemId" UUID,
    "title" TEXT NOT NULL,
    "context" TEXT NOT NULL DEFAULT '',
    "questions" TEXT[],
    "deadline" TIMESTAMPTZ(3) NOT NULL,
    "audience" "InputAudience" NOT NULL DEFAULT 'one_per_organisation',
    "confidential" BOOLEAN NOT NULL DEFAULT false,
    "reminderDaysBefore" INTEGER NOT NULL DEFAULT 2,
    "status" "InputRequestStatus" NOT NULL DEFAULT 'draft',
    "createdById" UUID,
    "compiledMarkdown" TEXT,
    "compiledAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "InputRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InputResponse" (
    "id" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "organisationId" UUID,
    "answers" TEXT[],
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "InputResponse_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Position" (
    "id" UUID NOT NULL,
    "agendaItemId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "kind" "PositionKind" NOT NULL,
    "comment" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Position_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeetingAttendance" (
    "id" UUID NOT NULL,
    "meetingId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "attendance" "Attendance" NOT NULL,
    "standInId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "MeetingAttendance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Decision" (
    "id" UUID NOT NULL,
    "agendaItemId" UUID NOT NULL,
    "outcome" "DecisionOutcome" NOT NULL,
    "text" TEXT NOT NULL,
    "recordedById" UUID,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Decision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActionItem" (
    "id" UUID NOT NULL,
    "committeeId" UUID NOT NULL,
    "decisionId" UUID,
    "what" TEXT NOT NULL,
    "ownerPersonId" UUID,
    "ownerOrganisationId" UUID,
    "ownerIsSecretariat" BOOLEAN NOT NULL DEFAULT false,
    "dueOn" DATE,
    "status" "ActionStatus" NOT NULL DEFAULT 'open',
    "doneAt" TIMESTAMPTZ(3),
    "remindedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ActionItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboundDelivery" (
    "id" UUID NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "conversationId" TEXT,
    "serviceUrl" TEXT,
    "tenantId" TEXT,
    "personId" UUID,
    "activity" JSONB NOT NULL,
    "updateActivityId" TEXT,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "notBefore" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" TIMESTAMPTZ(3),
    "lastError" TEXT,
    "sentActivityId" TEXT,
    "sentAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "OutboundDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" UUID NOT NULL,
    "committeeId" UUID,
    "actorId" UUID,
    "action" TEXT NOT NULL,
    "subjectType" TEXT NOT NULL,
    "subjectId" TEXT,
    "data" JSONB,
    "correlationId" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Committee_slug_key" ON "Committee"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Committee_channelId_key" ON "Committee"("channelId");

-- CreateIndex
CREATE UNIQUE INDEX "Organisation_name_key" ON "Organisation"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Person_aadObjectId_key" ON "Person"("aadObjectId");

-- CreateIndex
CREATE INDEX "Membership_personId_idx" ON "Membership"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "Membership_committeeId_personId_key" ON "Membership"("committeeId", "personId");

-- CreateIndex
CREATE INDEX "Meeting_committeeId_startsAt_idx" ON "Meeting"("committeeId", "startsAt");

-- CreateIndex
CREATE UNIQUE INDEX "Meeting_committeeId_iCalUId_key" ON "Meeting"("committeeId", "iCalUId");

-- CreateIndex
CREATE INDEX "AgendaItem_meetingId_position_idx" ON "AgendaItem"("meetingId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "AgendaItem_meetingId_number_key" ON "AgendaItem"("meetingId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "TopicSubmission_agendaItemId_key" ON "TopicSubmission"("agendaItemId");

-- CreateIndex
CREATE INDEX "TopicSubmission_committeeId_meetingId_status_idx" ON "TopicSubmission"("committeeId", "meetingId", "status");

-- CreateIndex
CREATE INDEX "InputRequest_committeeId_status_idx" ON "InputRequest"("committeeId", "status");

-- CreateIndex
CREATE INDEX "InputResponse_requestId_organisationId_idx" ON "InputResponse"("requestId", "organisationId");

-- CreateIndex
CREATE UNIQUE INDEX "InputResponse_requestId_personId_key" ON "InputResponse"("requestId", "personId");

-- CreateIndex
CREATE UNIQUE INDEX "Position_agendaItemId_personId_key" ON "Position"("agendaItemId", "personId");

-- CreateIndex
CREATE UNIQUE INDEX "MeetingAttendance_meetingId_personId_key" ON "MeetingAttendance"("meetingId", "personId");

-- CreateIndex
CREATE UNIQUE INDEX "Decision_agendaItemId_key" ON "Decision"("agendaItemId");

-- CreateIndex
CREATE INDEX "ActionItem_committeeId_status_idx" ON "ActionItem"("committeeId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "OutboundDelivery_idempotencyKey_key" ON "OutboundDelivery"("idempotencyKey");

-- CreateIndex
CREATE INDEX "OutboundDelivery_status_notBefore_idx" ON "OutboundDelivery"("status", "notBefore");

-- CreateIndex
CREATE INDEX "AuditEvent_committeeId_at_idx" ON "AuditEvent"("committeeId", "at");

-- AddForeignKey
ALTER TABLE "CommitteeOrganisation" ADD CONSTRAINT "CommitteeOrganisation_committeeId_fkey" FOREIGN KEY ("committeeId") REFERENCES "Committee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommitteeOrganisation" ADD CONSTRAINT "CommitteeOrganisation_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_committeeId_fkey" FOREIGN KEY ("committeeId") REFERENCES "Committee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_standInId_fkey" FOREIGN KEY ("standInId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_committeeId_fkey" FOREIGN KEY ("committeeId") REFERENCES "Committee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgendaItem" ADD CONSTRAINT "AgendaItem_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_agendaItemId_fkey" FOREIGN KEY ("agendaItemId") REFERENCES "AgendaItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TopicSubmission" ADD CONSTRAINT "TopicSubmission_committeeId_fkey" FOREIGN KEY ("committeeId") REFERENCES "Committee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TopicSubmission" ADD CONSTRAINT "TopicSubmission_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TopicSubmission" ADD CONSTRAINT "TopicSubmission_submitterId_fkey" FOREIGN KEY ("submitterId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TopicSubmission" ADD CONSTRAINT "TopicSubmission_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TopicSubmission" ADD CONSTRAINT "TopicSubmission_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TopicSubmission" ADD CONSTRAINT "TopicSubmission_agendaItemId_fkey" FOREIGN KEY ("agendaItemId") REFERENCES "AgendaItem"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InputRequest" ADD CONSTRAINT "InputRequest_committeeId_fkey" FOREIGN KEY ("committeeId") REFERENCES "Committee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InputRequest" ADD CONSTRAINT "InputRequest_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InputRequest" ADD CONSTRAINT "InputRequest_agendaItemId_fkey" FOREIGN KEY ("agendaItemId") REFERENCES "AgendaItem"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InputResponse" ADD CONSTRAINT "InputResponse_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "InputRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InputResponse" ADD CONSTRAINT "InputResponse_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InputResponse" ADD CONSTRAINT "InputResponse_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Position" ADD CONSTRAINT "Position_agendaItemId_fkey" FOREIGN KEY ("agendaItemId") REFERENCES "AgendaItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Position" ADD CONSTRAINT "Position_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingAttendance" ADD CONSTRAINT "MeetingAttendance_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingAttendance" ADD CONSTRAINT "MeetingAttendance_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingAttendance" ADD CONSTRAINT "MeetingAttendance_standInId_fkey" FOREIGN KEY ("standInId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_agendaItemId_fkey" FOREIGN KEY ("agendaItemId") REFERENCES "AgendaItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionItem" ADD CONSTRAINT "ActionItem_committeeId_fkey" FOREIGN KEY ("committeeId") REFERENCES "Committee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionItem" ADD CONSTRAINT "ActionItem_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "Decision"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionItem" ADD CONSTRAINT "ActionItem_ownerPersonId_fkey" FOREIGN KEY ("ownerPersonId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionItem" ADD CONSTRAINT "ActionItem_ownerOrganisationId_fkey" FOREIGN KEY ("ownerOrganisationId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutboundDelivery" ADD CONSTRAINT "OutboundDelivery_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_committeeId_fkey" FOREIGN KEY ("committeeId") REFERENCES "Committee"("id") ON DELETE SET NULL ON UPDATE CASCADE;
