// The day the tests pin the demo data to: the data then end on 2025-12-31 whatever today is, so every
// figure a test checks stays the same from one day to the next.
export const DEMO_AS_OF = '2025-12-31';
