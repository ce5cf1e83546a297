// perfgate's types use Node's (http servers, Buffers): included here so `"types": [..., "@perfgate/…"]` keeps them.
/// <reference types="node" />
/// <reference path="./matchers.d.ts" />
export * from '../dist/index.js';
