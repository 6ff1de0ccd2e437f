import { formatYamlCount } from '../../format/quantities';
import { scalar } from '../../yamlEdit/entries';
import type { PathModule } from '../pathModule';
import { measureEvents } from './measures';
import { EVENTS_RULES } from './rules';

export const PLATFORM_EVENTS: PathModule<'platform_events'> = {
  key: 'platform_events',
  category: 'events',
  rules: EVENTS_RULES,
  measure: measureEvents,
  login: {
    how: () => 'subscribes as the user its client logs in as',
    newUser: { id: 'events_user', permissions: ['api-enabled'] },
  },
  // The table's approach is a Pub/Sub API subscriber.
  skeleton: ({ answers }) => [
    { key: 'api', value: scalar('pub-sub') },
    ...(answers.eventsPerDay !== undefined ? [{ key: 'events_per_day', value: scalar(formatYamlCount(answers.eventsPerDay)) }] : []),
  ],
  snippets: {
    completionKeys: { '': ['api', 'event_type', 'events_per_day', 'auth_flow', 'app'] },
    editor: [
      {
        name: 'Platform Events path',
              prefix: 'platform_events',
        description: 'paths.platform_events: Heroku subscribes to Platform Events or Change Data Capture.',
        body: [
          'platform_events:',
          '\tapi: ${1|pub-sub,cometd|}',
          '\tevent_type: ${2|platform-event,change-data-capture,push-topic|}',
          '\tevents_per_day: ${3:20_000}',
          '\tsubscribers: ${4:1}',
          '\tmax_subscriber_downtime: ${5:24h}',
          '\tapp: ${6:worker-app}',
          '\tauth_flow: ${7|jwt-bearer,client-credentials|}',
          '\texternal_client_app: ${8:Worker}',
          '$0',
        ],
      },
    ],
  },
};
