// Unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters, the last a check
// character over the first 17 (weights 3^(i-1) mod 31, modulus 31). Algorithm and test vectors:
// GB 32100-2015 itself, python-stdnum's stdnum/cn/uscc.py and its doctest.
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const FORMAT = /^[0-9]{8}[0-9ABCDEFGHJKLMNPQRTUWXY]{10}$/;

export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = ALPHABET.indexOf(first17[i]);
    if (v < 0) throw new Error(`invalid USCC character ${first17[i]}`);
    sum += v * WEIGHTS[i];
  }
  return ALPHABET[(31 - (sum % 31)) % 31];
}

/** Why a code is not a valid USCC, in Chinese for the user, or null when it is valid. */
export function usccProblem(code: string): string | null {
  if (code.length !== 18) return `统一社会信用代码应为18位，实际${code.length}位`;
  if (!FORMAT.test(code)) return '统一社会信用代码格式错误：前8位须为数字，其余为数字或大写字母（不含I、O、Z、S、V）';
  if (usccCheckChar(code.slice(0, 17)) !== code[17]) return '统一社会信用代码校验位错误';
  return null;
}

export const isValidUscc = (code: string): boolean => usccProblem(code) === null;

/** Completes 17 characters with their check character (used by the demo generator). */
export const withUsccCheck = (first17: string): string => first17 + usccCheckChar(first17);

export const USCC_ALPHABET = ALPHABET;
