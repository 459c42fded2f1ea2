-- A file marked sensitive (community-led monitoring data that may hold personal data of people who use
-- drugs) is left out of the export unless an owner asks for it, and so out of the documents built from it.
ALTER TABLE attachments ADD COLUMN sensitive BOOLEAN NOT NULL DEFAULT FALSE;
