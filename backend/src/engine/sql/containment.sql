-- Which territories contain which (every level, on the reference date), each territory's own row left out;
-- loaded once per snapshot, so that a request finds its territories without joining containment.
SELECT container, code
FROM containment
WHERE container <> code
ORDER BY container, code;
