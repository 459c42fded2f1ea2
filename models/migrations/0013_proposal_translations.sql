-- A bilingual proposal's title, country and network in its other language: the cover of the document in
-- that language shows them (the columns title, country and network keep the working language's text, so
-- every list, mail and activity entry reads as before). Empty means not translated yet.
ALTER TABLE proposals ADD COLUMN title_translation TEXT NOT NULL DEFAULT '';
ALTER TABLE proposals ADD COLUMN country_translation TEXT NOT NULL DEFAULT '';
ALTER TABLE proposals ADD COLUMN network_translation TEXT NOT NULL DEFAULT '';
