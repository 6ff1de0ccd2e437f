import { ruleCases } from '../../helpers/ruleCases';

const header = 'version: 1\nname: Pricing callout\nenvironment: production\n';
const nc = '    named_credential: Heroku_Pricing\n';

ruleCases('apex-callout-limit', [
  {
    name: 'more callouts per transaction than the governor limit',
    doc: `${header}paths:\n  apex_callout:\n${nc}    callouts_per_transaction: ⟦150⟧\n`,
    messages: [/at most 100 callouts; this design makes up to 150\. .*cannot be caught.*Bulkify/],
  },
  { name: 'exactly at the limit', doc: `${header}paths:\n  apex_callout:\n${nc}    callouts_per_transaction: 100\n` },
  { name: 'one callout', doc: `${header}paths:\n  apex_callout:\n${nc}    callouts_per_transaction: 1\n` },
]);

ruleCases('apex-callout-timeout-max', [
  {
    name: 'timeout above the Apex maximum',
    doc: `${header}paths:\n  apex_callout:\n${nc}    timeout: ⟦3m⟧ # generous\n`,
    messages: [/at most 120 seconds; 3 minutes is not allowed.*set the timeout to 30s/],
    fixed: `${header}paths:\n  apex_callout:\n${nc}    timeout: 30s # generous\n`,
  },
  { name: 'exactly the maximum (the router-timeout rule reports it)', doc: `${header}paths:\n  apex_callout:\n${nc}    timeout: 2m\n` },
  { name: 'default timeout', doc: `${header}paths:\n  apex_callout:\n${nc}    callouts_per_transaction: 1\n` },
]);

ruleCases('apex-callout-router-timeout', [
  {
    name: 'timeout longer than the Heroku router timeout',
    doc: `${header}paths:\n  apex_callout:\n${nc}    timeout: ⟦1m⟧\n`,
    messages: [/router ends a request after 30 seconds, so a callout timeout of 1 minute gains nothing: Heroku gives up first\. Set the timeout to 30s/],
    fixed: `${header}paths:\n  apex_callout:\n${nc}    timeout: 30s\n`,
  },
  {
    name: 'timeout at the Apex maximum',
    doc: `${header}paths:\n  apex_callout: { named_credential: Heroku, timeout: ⟦120s⟧ }\n`,
    messages: ['timeout of 2 minutes gains nothing'],
    fixed: `${header}paths:\n  apex_callout: { named_credential: Heroku, timeout: 30s }\n`,
  },
  { name: 'exactly the router timeout', doc: `${header}paths:\n  apex_callout:\n${nc}    timeout: 30s\n` },
  { name: 'the default timeout', doc: `${header}paths:\n  apex_callout:\n${nc}` },
  { name: 'above the Apex maximum (reported by apex-callout-timeout-max only)', doc: `${header}paths:\n  apex_callout:\n${nc}    timeout: 5m\n` },
]);

ruleCases('apex-callout-total-time', [
  {
    name: 'callouts times the stated timeout over the per-transaction total',
    doc: `${header}paths:\n  apex_callout:\n${nc}    timeout: 30s\n    callouts_per_transaction: ⟦5⟧\n`,
    messages: [/may take 120 seconds together; 5 callouts with a timeout of 30 seconds can wait 150 seconds in the worst case/],
    related: 1,
  },
  {
    name: 'callouts times the default timeout',
    doc: `${header}paths:\n  apex_callout:\n${nc}    callouts_per_transaction: ⟦20⟧\n`,
    messages: [/20 callouts with the default timeout of 10 seconds can wait 200 seconds/],
    related: 0,
  },
  {
    name: 'a timeout past the router counts as the router timeout: Heroku ends each request first',
    doc: `${header}paths:\n  apex_callout:\n${nc}    timeout: 60s\n    callouts_per_transaction: ⟦5⟧\n`,
    messages: [/5 callouts can wait 150 seconds in the worst case: the timeout is 1 minute, but the Heroku router ends each request after 30 seconds\./],
  },
  {
    name: 'already in Queueable jobs: split across more of them',
    doc: `${header}paths:\n  apex_callout:\n${nc}    context: queueable\n    synchronous: false\n    timeout: 25s\n    callouts_per_transaction: ⟦5⟧\n`,
    messages: [/^(?!.*move the callouts to Queueable).*split the callouts across more Queueable jobs \(each job is a transaction with its own total\)/],
  },
  { name: 'four 60-second timeouts fit: the router cuts each at 30 seconds', doc: `${header}paths:\n  apex_callout:\n${nc}    timeout: 60s\n    callouts_per_transaction: 4\n` },
  { name: 'exactly the total', doc: `${header}paths:\n  apex_callout:\n${nc}    timeout: 30s\n    callouts_per_transaction: 4\n` },
  { name: 'default timeout within the total', doc: `${header}paths:\n  apex_callout:\n${nc}    callouts_per_transaction: 12\n` },
  { name: 'invalid timeout is left to apex-callout-timeout-max', doc: `${header}paths:\n  apex_callout:\n${nc}    timeout: 10m\n    callouts_per_transaction: 2\n` },
]);

ruleCases('apex-callout-from-trigger', [
  {
    name: 'trigger context, synchronous by default',
    doc: `${header}paths:\n  apex_callout:\n${nc}    context: ⟦trigger⟧ # after insert\n`,
    messages: [/cannot be made while DML is pending.*a trigger runs inside the DML.*Enqueue a Queueable/],
    fixed: `${header}paths:\n  apex_callout:\n${nc}    context: queueable # after insert\n    synchronous: false\n`,
  },
  {
    name: 'trigger context stated synchronous',
    doc: `${header}paths:\n  apex_callout:\n    context: ⟦trigger⟧\n    synchronous: true\n${nc}`,
    messages: ['DML is pending'],
    related: 1,
    fixed: `${header}paths:\n  apex_callout:\n    context: queueable\n    synchronous: false\n${nc}`,
  },
  {
    name: 'flow mapping',
    doc: `${header}paths:\n  apex_callout: { context: ⟦trigger⟧, named_credential: Heroku }\n`,
    messages: ['DML is pending'],
    fixed: `${header}paths:\n  apex_callout: { context: queueable, named_credential: Heroku, synchronous: false }\n`,
  },
  { name: 'trigger that enqueues asynchronous work', doc: `${header}paths:\n  apex_callout:\n    context: trigger\n    synchronous: false\n${nc}` },
  { name: 'queueable context', doc: `${header}paths:\n  apex_callout:\n    context: queueable\n${nc}` },
  { name: 'invocable context, synchronous', doc: `${header}paths:\n  apex_callout:\n    context: invocable\n    synchronous: true\n${nc}` },
  { name: 'invalid synchronous value is left to validation', doc: `${header}paths:\n  apex_callout:\n    context: trigger\n    synchronous: sometimes\n${nc}` },
]);

ruleCases('apex-callout-named-credential', [
  {
    name: 'no named credential',
    doc: `${header}paths:\n  ⟦apex_callout⟧:\n    timeout: 10s\n`,
    messages: [/No named_credential: put the Heroku endpoint in a Named Credential and its authentication in an External Credential.*never in Apex code/],
  },
  {
    name: 'empty flow mapping',
    doc: `${header}paths:\n  ⟦apex_callout⟧: {}\n`,
    messages: ['Named Credential'],
  },
  { name: 'named credential stated', doc: `${header}paths:\n  apex_callout:\n${nc}` },
  { name: 'empty named credential is left to validation', doc: `${header}paths:\n  apex_callout:\n    named_credential:\n` },
  { name: 'no apex callout path', doc: `${header}paths:\n  rest_api:\n    auth_flow: jwt-bearer\n` },
]);
