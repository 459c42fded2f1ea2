-- Bilingual drafting: text fields hold both languages; the submission language is the one the PDF and the
-- funder get (Russian working text with an English submission is the usual case in EECA).
ALTER TABLE proposals ADD COLUMN bilingual BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE proposals ADD COLUMN submission_language TEXT NOT NULL DEFAULT '';
UPDATE proposals SET submission_language = language WHERE submission_language = '';
