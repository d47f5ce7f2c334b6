// The discretion navigator (裁量导航) and 执法精灵: what other capabilities may call. See CONTEXT.md.
export { assess, readyNavigator, resolveItem, SIMILAR_LIMIT, type AssessOptions } from './assess.ts';
export { searchItems } from './item-search.ts';
export { navReference, type NavReference } from './reference.ts';
export { NavigatorError } from './errors.ts';
export { checkRequest } from './input.ts';
export * from './schema.ts';
export { caseGuide } from './case-guide.ts';
export { reviewList, REVIEW_MODELS } from './review.ts';
