package org.dutygraph.appraisal.sheets;

import org.dutygraph.appraisal.AppraisalInputs;

/**
 * Bounds on a score sheet, checked while it is read so that a hostile file costs little: the file's size, its rows,
 * columns and cell length, and for .xlsx (a zip) how many entries it has and how much they inflate to.
 */
record SheetLimits(
        int maxBytes, int maxRows, int maxColumns, int maxCellLength, int maxZipEntries, long maxInflatedBytes) {

    static final SheetLimits DEFAULT =
            new SheetLimits(4 * 1024 * 1024, AppraisalInputs.MAX_ROWS, 20, 200, 200, 40L * 1024 * 1024);
}
