// A fresh in-memory SQLite with the real migrations applied: one per test, so tests never share state.
import { openDatabase, type OpenDatabase } from '../../src/db/open.js';

export function freshDb(): OpenDatabase {
  return openDatabase(':memory:');
}
