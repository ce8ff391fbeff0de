export { buildGstReport, gstReportFileName, writeGstReport, type GstReportFile, type GstReportOptions } from './gst-report';
export { defuse, gstCsv } from './gst-csv';
export { GST_CSV_COLUMNS, GST_STATUSES, type GstBasis, type GstReport, type GstRow, type GstStatus, type GstTotals } from './gst-types';
