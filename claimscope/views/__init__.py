"""What a page shows, as plain data: the Overview's content, evidence, the Compare page's
frames, the live panel's spec, the projection explorer's tables, the document's sentence
and verdict, its citation and linked data, its highlighted text, the palette every view
shares."""
