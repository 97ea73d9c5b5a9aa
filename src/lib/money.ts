// Money helpers live in core (shared with the functions' messages and the timeline).
export * from '../../core/money';
