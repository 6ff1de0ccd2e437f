// V8's (Node's and Chromium's) own addition to Error, which neither ES2022 nor the WebWorker
// library declares: how many frames an Error captures (core/model/parse.ts sets it to 0).
interface ErrorConstructor {
  stackTraceLimit: number;
}
