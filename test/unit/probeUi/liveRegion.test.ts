import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LiveRegion, terminalText } from '../../../src/probeUi/liveRegion';

describe('live terminal region', () => {
  it('draws below what is there, then replaces exactly its own rows', () => {
    const region = new LiveRegion(80);
    assert.equal(region.draw(['a', 'b']), 'a\r\nb\r\n');
    assert.equal(region.draw(['c']), '\x1b[2A\r\x1b[Jc\r\n');
    assert.equal(region.draw(['d']), '\x1b[1A\r\x1b[Jd\r\n');
  });

  it('counts wrapped rows by visible width (colour codes take no room)', () => {
    const region = new LiveRegion(10);
    region.draw(['x'.repeat(25), `\x1b[32m${'y'.repeat(10)}\x1b[0m`, '']);
    assert.ok(region.draw([]).startsWith('\x1b[5A'), '3 + 1 + 1 rows');
  });

  it('counts the previous draw again at a new width, as the terminal re-wraps it', () => {
    const region = new LiveRegion(40);
    region.draw(['x'.repeat(30)]);
    region.columns = 10;
    assert.ok(region.draw([]).startsWith('\x1b[3A'), 'one row at 40 columns is three at 10');
  });

  it('starts afresh after detach, leaving what was written in between', () => {
    const region = new LiveRegion(80);
    region.draw(['table']);
    region.detach();
    assert.equal(region.draw(['table']), 'table\r\n');
  });

  it('clears the whole terminal instead when its last draw filled the screen (cursor-up cannot reach above it)', () => {
    const region = new LiveRegion(80);
    region.rows = 3;
    region.draw(['a', 'b']);
    assert.equal(region.draw(['a', 'b', 'c']), '\x1b[2A\r\x1b[Ja\r\nb\r\nc\r\n');
    assert.equal(region.draw(['d']), '\x1b[H\x1b[2J\x1b[3Jd\r\n');
  });

  it('turns line feeds into CR LF for a pseudoterminal', () => {
    assert.equal(terminalText('a\nb\r\nc'), 'a\r\nb\r\nc');
  });
});
