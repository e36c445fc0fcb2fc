/**
 * The event store as a product surface: an aggregate's events read back with who, when and from where, and
 * folded by the projections' own handlers into a scratch copy of their table, to show what each event changed
 * and what a thing looked like at an instant. No second copy of the folding rules exists.
 */
package dev.taskstream.query.history;
