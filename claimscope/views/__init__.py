"""What a page shows, as plain data: the Overview's content, evidence, the live panel's spec,
the projection explorer's tables, the palette every view shares."""
