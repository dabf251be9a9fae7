-- A line comes from one finding at most, and a line's delete finds the finding it clears (line_id set null) by index.
CREATE UNIQUE INDEX "inspection_items_line_key" ON "service"."inspection_items" USING btree ("line_id");
