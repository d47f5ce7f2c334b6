import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isValidUscc, usccProblem, withUsccCheck } from '../src/domain/uscc.ts';
import { regionContains, regionLevel, regionPrefix, regionProblem } from '../src/domain/region.ts';

// Test vectors: python-stdnum's doctest (stdnum/cn/uscc.py) and published codes checked against GB 32100-2015.
test('real unified social credit codes pass the GB 32100-2015 check', () => {
  for (const code of [
    '91110000600037341L',
    '121200004013590816',
    '9144030071526726XG',
    '91310115MA1K3BTP2B',
    '91620105L015101280',
    '911522010783762860',
    '92340602MA2PBQAH7E',
    '91330000733796106P',
    '91330100470102706G',
    '91512081MA62K0260E',
  ]) {
    assert.equal(isValidUscc(code), true, code);
  }
});

test('a wrong check character, bad characters or a bad length are refused with the reason', () => {
  assert.equal(usccProblem('91110000600037341N'), '统一社会信用代码校验位错误');
  assert.match(usccProblem('A1110000600037341L')!, /格式错误/);
  assert.match(usccProblem('9111000060003IOZSV')!, /格式错误/);
  assert.match(usccProblem('12345')!, /18位/);
  // Found in mock data online, not valid (uscc.md §6.3).
  assert.equal(isValidUscc('91330000749021884X'), false);
});

test('the check character is computed as the standard says, including the mod-31 = 0 case', () => {
  assert.equal(withUsccCheck('91350100M000100Y4'), '91350100M000100Y43');
  assert.equal(withUsccCheck('91620105L01510128'), '91620105L015101280');
});

test('region codes: levels, subtree prefixes and containment follow GB/T 2260', () => {
  assert.equal(regionProblem('330111'), null);
  assert.equal(regionProblem('330111001'), null);
  assert.match(regionProblem('33011')!, /6位或9位/);
  assert.match(regionProblem('abc123')!, /6位或9位/);
  assert.equal(regionLevel('330000'), 'province');
  assert.equal(regionLevel('330100'), 'city');
  assert.equal(regionLevel('330111'), 'county');
  assert.equal(regionLevel('330111001'), 'township');
  assert.equal(regionPrefix('330000'), '33');
  assert.equal(regionPrefix('330100'), '3301');
  assert.equal(regionContains('330100', '330111001'), true);
  assert.equal(regionContains('330111', '330106'), false);
  // 龙港市 (330383) is administered by 温州市 and sits under its prefix.
  assert.equal(regionContains('330300', '330383'), true);
});
