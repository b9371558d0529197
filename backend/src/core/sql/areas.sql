-- The areas of intervention of the catalogue, in their order.
SELECT code, name_it, name_en FROM area ORDER BY position;
