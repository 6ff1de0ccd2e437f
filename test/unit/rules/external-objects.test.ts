import { ruleCases } from '../../helpers/ruleCases';

const header = 'version: 1\nname: Orders\nenvironment: production\n';

ruleCases('external-objects-odata2-writable', [
  {
    name: 'OData 2.0 (plain) with writable objects',
    doc: `${header}paths:\n  external_objects:\n    odata_version: ⟦2.0⟧ # legacy source\n    writable: true\n`,
    messages: [/OData 2.0 is read-only .*Use OData 4.0/],
    related: 1,
    fixed: `${header}paths:\n  external_objects:\n    odata_version: "4.0" # legacy source\n    writable: true\n`,
  },
  {
    name: 'OData 2.0 single-quoted keeps its quotes',
    doc: `${header}paths:\n  external_objects: { writable: true, odata_version: ⟦'2.0'⟧ }\n`,
    messages: ['read-only'],
    fixed: `${header}paths:\n  external_objects: { writable: true, odata_version: '4.0' }\n`,
  },
  { name: 'OData 2.0 read-only', doc: `${header}paths:\n  external_objects:\n    odata_version: "2.0"\n    writable: false\n` },
  { name: 'OData 2.0 with writable not stated (default false)', doc: `${header}paths:\n  external_objects:\n    odata_version: "2.0"\n` },
  { name: 'OData 4.0 writable', doc: `${header}paths:\n  external_objects:\n    odata_version: "4.0"\n    writable: true\n` },
  { name: 'OData 4.01 writable', doc: `${header}paths:\n  external_objects:\n    odata_version: "4.01"\n    writable: true\n` },
]);

ruleCases('external-objects-rate-limit', [
  {
    name: 'peak requests over the paid-plan rate limit',
    doc: `${header}paths:\n  external_objects:\n    requests_per_hour: ⟦25_000⟧\n`,
    messages: [/rate-limited to 20,000 requests per hour on paid plans; this design expects 25,000 at peak\. Each list view, detail page.*search and report run is a callout.*raised on request/],
  },
  { name: 'exactly at the limit', doc: `${header}paths:\n  external_objects:\n    requests_per_hour: 20_000\n` },
  { name: 'under the limit', doc: `${header}paths:\n  external_objects:\n    requests_per_hour: 1_500\n` },
  { name: 'not stated', doc: `${header}paths:\n  external_objects:\n    writable: false\n` },
]);

ruleCases('external-objects-standard-reports', [
  {
    name: 'standard reports required',
    doc: `${header}paths:\n  external_objects:\n    standard_reports: ⟦true⟧\n`,
    messages: [/by reference only and cannot be used in standard reports/],
  },
  { name: 'standard reports not needed', doc: `${header}paths:\n  external_objects:\n    standard_reports: false\n` },
  { name: 'not stated', doc: `${header}paths:\n  external_objects: {}\n` },
]);
