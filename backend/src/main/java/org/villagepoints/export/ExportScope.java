package org.villagepoints.export;

/**
 * What a book is asked for: a village (or for the summary, a district) by id and name, the
 * month, and whether the caller may see the committee-only fields (full phone numbers, the
 * low-income flag).
 */
record ExportScope(long placeId, String placeName, ExportMonth month, boolean committeeFields) {}
