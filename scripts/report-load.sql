-- Pairs, meetings, reviews and check-ins for the programme :'slug' (participants from `trellis seed-programme`),
-- for measuring the programme reports (docs/performance.md, "Programme reports"). Shares are fixed, dates come from a seeded random();
-- run once per database: it refuses to add to a programme that already has pairs. Used by scripts/report-load.sh.
\set ON_ERROR_STOP on
SELECT setseed(0.13) \g /dev/null
SELECT "Id" AS programme FROM "Programmes" WHERE "Slug" = :'slug' \gset
SELECT count(*) > 0 AS has_pairs FROM "Mentorships" WHERE "ProgrammeId" = :'programme' \gset
\if :has_pairs
  \echo 'programme already has pairs: use a fresh database'
  \quit
\endif

BEGIN;
-- The programme's history: everyone joined 20-21 months ago (seed-programme writes today), so the monthly reports
-- cover 22 months, as a programme in its second year would (they show at most the last 24).
UPDATE "Participants" SET "JoinedAt" = now() - interval '21 months' + random() * interval '1 month'
  WHERE "ProgrammeId" = :'programme';

-- One pair per enrolled mentee (mentor i mod mentors, within each mentor's 5 places), statuses in fixed shares:
-- 55 % active, 5 % paused, 15 % completed, 10 % ended early, 5 % proposed, 5 % declined, 5 % expired.
CREATE TEMP TABLE mentees AS
  SELECT "MemberId" AS id, row_number() OVER (ORDER BY "MemberId") AS n FROM "Participants"
  WHERE "ProgrammeId" = :'programme' AND "Role" = 'Mentee' AND "Status" = 'Enrolled';
CREATE TEMP TABLE mentors AS
  SELECT "MemberId" AS id, row_number() OVER (ORDER BY "MemberId") - 1 AS n FROM "Participants"
  WHERE "ProgrammeId" = :'programme' AND "Role" = 'Mentor' AND "Status" = 'Enrolled';
CREATE TEMP TABLE pairs AS
  SELECT gen_random_uuid() AS id, e.id AS mentee, o.id AS mentor, e.n,
    CASE WHEN e.n % 20 < 11 THEN 'Active' WHEN e.n % 20 = 11 THEN 'Paused' WHEN e.n % 20 < 15 THEN 'Completed'
         WHEN e.n % 20 < 17 THEN 'Ended' WHEN e.n % 20 = 17 THEN 'Proposed' WHEN e.n % 20 = 18 THEN 'Declined'
         ELSE 'Expired' END AS status,
    now() - interval '20 months' + random() * interval '19 months' AS created
  FROM mentees e JOIN mentors o ON o.n = e.n % (SELECT count(*) FROM mentors);
ALTER TABLE pairs ADD activated timestamptz, ADD closed timestamptz;
UPDATE pairs SET activated = created + random() * interval '10 days'
  WHERE status IN ('Active', 'Paused', 'Completed', 'Ended');
UPDATE pairs SET closed = activated + (now() - activated) * (0.3 + 0.7 * random())
  WHERE status IN ('Completed', 'Ended');
UPDATE pairs SET closed = created + interval '14 days' WHERE status IN ('Declined', 'Expired');

INSERT INTO "Mentorships" ("Id", "MenteeId", "MentorId", "ProgrammeId", "Status", "CreatedAt", "UpdatedAt", "ActivatedAt",
  "ClosedAt", "EndReason", "CurrentVersion", "AcceptedVersion", "DeclineMessage", "EndNote", "DirectStart",
  "ExtendedMonths", "Version")
SELECT id, mentee, mentor, :'programme', status, created, coalesce(closed, activated, created), activated, closed,
  CASE WHEN status = 'Ended' THEN (ARRAY['NotWorking', 'NoTime', 'GoalsChanged', 'LifeChanged', 'Other', NULL])[1 + n % 6] END,
  1, CASE WHEN activated IS NOT NULL THEN 1 END, '', '', false, 0, gen_random_uuid()
FROM pairs;

-- Each pair's first (and only) agreement version, which the running node's jobs read.
INSERT INTO "AgreementVersions" ("MentorshipId", "Number", "ProposedBy", "ProposedAt", "Formality", "CadenceEvery",
  "CadenceUnit", "MeetingMinutes", "Medium", "Channels", "ResponseWithinDays", "Goals", "Confidentiality", "StartDate",
  "DurationMonths", "ReviewEveryMonths", "MenteeCommitments", "PersonalNote", "AcceptedByMentee", "AcceptedByMentor")
SELECT id, 1, 'Mentor', created, 'Informal', 1, 'Months', 60, 'Video', ARRAY['messages'], 3, ARRAY[]::text[], '',
  coalesce(activated, created)::date, 12, 3, '', '', activated IS NOT NULL, activated IS NOT NULL
FROM pairs;

-- 1,000,000 meetings over the started pairs, between the pair's start and its end (or now): 85 % confirmed,
-- 10 % cancelled, 5 % proposed; a few in the future.
CREATE TEMP TABLE started AS
  SELECT id, mentee, mentor, activated, coalesce(closed, now() + interval '30 days') AS until,
    row_number() OVER (ORDER BY id) - 1 AS k FROM pairs WHERE activated IS NOT NULL;
SELECT count(*) AS started_count FROM started \gset
INSERT INTO "Meetings" ("Id", "MentorshipId", "OrganiserId", "ProposedById", "StartsAt", "Minutes", "TimeZone", "Medium",
  "Status", "CancellationNote", "Uid", "Sequence", "FitsBothWorkdays", "CreatedAt", "UpdatedAt", "Version")
SELECT gen_random_uuid(), s.id, s.mentor, s.mentee, t.at, 60, 'UTC', 'Video',
  CASE WHEN g % 20 < 17 THEN 'Confirmed' WHEN g % 20 < 19 THEN 'Cancelled' ELSE 'Proposed' END,
  '', 'report-load-' || g || '@trellis.test', 0, true, t.at - interval '7 days', t.at - interval '7 days', gen_random_uuid()
FROM generate_series(0, 999999) g
JOIN started s ON s.k = g % :started_count
CROSS JOIN LATERAL (SELECT s.activated + (s.until - s.activated) * random() AS at) t;

-- 200,000 reviews over the started pairs, most completed, each completed one answered by both members (score 1-5).
-- A pair has at most one review waiting (a unique index says so): only some pairs' latest review is not completed.
CREATE TEMP TABLE reviews AS
  SELECT gen_random_uuid() AS id, s.id AS pair, g,
    s.activated + (least(s.until, now()) - s.activated) * random() AS due
  FROM generate_series(0, 199999) g JOIN started s ON s.k = (g * 7) % :started_count;
ALTER TABLE reviews ADD done boolean;
UPDATE reviews r SET done = NOT (x.latest AND r.g % 3 = 0)
  FROM (SELECT id, row_number() OVER (PARTITION BY pair ORDER BY due DESC) = 1 AS latest FROM reviews) x WHERE x.id = r.id;
INSERT INTO "Reviews" ("Id", "MentorshipId", "DueAt", "CreatedAt", "CompletedAt", "Version")
SELECT id, pair, due, due - interval '7 days', CASE WHEN done THEN due + interval '2 days' END, gen_random_uuid()
FROM reviews;
INSERT INTO "ReviewAnswers" ("ReviewId", "Party", "AnsweredAt", "Score", "Direction", "GoingWell", "ShouldChange", "WantsRevision")
SELECT r.id, p.party, r.due + interval '1 day', 1 + floor(random() * 5)::int, 'KeepGoing', '', '', false
FROM reviews r CROSS JOIN (VALUES ('Mentee'), ('Mentor')) p(party) WHERE r.done;

-- 100,000 check-ins, 80 % with a deadline: answered in time, late, overdue, resolved, not due yet.
INSERT INTO "CheckIns" ("Id", "MentorshipId", "Text", "Urgency", "Status", "CreatedAt", "AnswerDueAt", "AnsweredAt",
  "ResolvedAt", "Answer", "Version")
SELECT gen_random_uuid(), s.id, '', CASE WHEN g % 5 = 0 THEN 'CanWaitForNextMeeting' ELSE 'ThisWeek' END,
  CASE WHEN g % 5 IN (1, 2) THEN 'Answered' WHEN g % 5 = 4 THEN 'Resolved' ELSE 'Open' END,
  t.at, CASE WHEN g % 5 <> 0 THEN t.at + interval '7 days' END,
  CASE WHEN g % 5 = 1 THEN t.at + interval '2 days' WHEN g % 5 = 2 THEN t.at + interval '9 days' END,
  CASE WHEN g % 5 = 4 THEN t.at + interval '3 days' END, CASE WHEN g % 5 IN (1, 2) THEN '' END, gen_random_uuid()
FROM generate_series(0, 99999) g
JOIN started s ON s.k = (g * 13) % :started_count
CROSS JOIN LATERAL (SELECT s.activated + (least(s.until, now()) - s.activated) * random() AS at) t;

COMMIT;
ANALYZE "Mentorships"; ANALYZE "Meetings"; ANALYZE "Reviews"; ANALYZE "ReviewAnswers"; ANALYZE "CheckIns"; ANALYZE "Participants";
SELECT (SELECT count(*) FROM "Participants" WHERE "ProgrammeId" = :'programme') AS participants,
  (SELECT count(*) FROM pairs) AS pairs, :started_count AS started,
  (SELECT count(*) FROM "Meetings" m JOIN pairs p ON p.id = m."MentorshipId") AS meetings,
  (SELECT count(*) FROM reviews) AS reviews,
  (SELECT count(*) FROM "CheckIns" c JOIN pairs p ON p.id = c."MentorshipId") AS check_ins;
