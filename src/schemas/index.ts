export * from './common.ts';
export * from './unit.ts';
export * from './source.ts';
export * from './case.ts';
export * from './hall.ts';
export * from './route.ts';
export * from './timeline.ts';
export * from './export.ts';
