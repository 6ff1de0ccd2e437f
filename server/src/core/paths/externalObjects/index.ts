import { scalar } from '../../yamlEdit/entries';
import type { PathModule } from '../pathModule';
import { measureExternalObjects } from './measures';
import { EXTERNAL_OBJECTS_RULES } from './rules';

export const EXTERNAL_OBJECTS: PathModule<'external_objects'> = {
  key: 'external_objects',
  category: 'external-objects',
  rules: EXTERNAL_OBJECTS_RULES,
  measure: measureExternalObjects,
  // OData 4.0 is the schema's default and the version that can also write.
  skeleton: () => [{ key: 'odata_version', value: scalar('"4.0"') }],
  snippets: {
    completionKeys: { '': ['odata_version', 'writable', 'tables', 'app'] },
    editor: [
      {
        name: 'Heroku External Objects path',
              prefix: 'external_objects',
        description: 'paths.external_objects: Salesforce users see Postgres data through Salesforce Connect (OData).',
        body: [
          'external_objects:',
          '\todata_version: ${1|4.0,4.01,2.0|}',
          '\twritable: ${2|false,true|}',
          '\tstandard_reports: ${3|false,true|}',
          '\ttables: [${4:orders}]',
          '\tapp: ${5:data-app}',
          '$0',
        ],
      },
    ],
  },
};
