-- Every territory above the comune (Ambito, provincia, regione, Italia) with each comune it contains.
SELECT c.container, c.code
FROM containment c
JOIN territory k ON k.code = c.container AND k.level <> 'comune'
JOIN territory t ON t.code = c.code AND t.level = 'comune'
ORDER BY c.container, c.code;
