-- The 行政行为码 an inspection record cites (亮码检查): the code of the task it carried out, as shown to
-- the enterprise. NULL: the record cites none. The supervision models compare it with its task.
ALTER TABLE inspections ADD COLUMN action_code VARCHAR
