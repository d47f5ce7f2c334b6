// The error catalogue lives in src/domain/errors.ts, where capabilities reach it without importing src/api.
export * from '../domain/errors.ts';
