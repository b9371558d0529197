-- The rules that flagged something in this snapshot.
SELECT DISTINCT rule FROM quality_issue ORDER BY rule;
