// Apache ECharts (embedded from org.mvnpm:echarts), with aria enabled; every chart gets a data table beside it
// from the caller. Charts start when they come into view and are disposed when their element leaves the page.

import * as echarts from '../vendor/echarts/echarts.esm.min.js';
import {el} from './dom.js';
import {axisDate, date, number} from './format.js';
import {COLOURS, PATTERNS} from './status.js';
import {FROM_DASHBOARD} from './session.js';

const FONT = '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", sans-serif';
const TEXT = '#1a1a1a';
const MUTED = '#4a4a4a';
/** Line colours with at least 3:1 against white, told apart by line style and symbol as well. */
export const PALETTE = ['#01689b', '#6a3d9a', '#00705a', '#a8326e', '#5c5c00', '#154273'];
const MAP_NAME = 'nl-provincies';
const MAP_URL = '/ui/assets/map/nl-provincies-2015.json';

const instances = new Map();
let mapLoaded = null;

const resizer = new ResizeObserver(entries => entries.forEach(entry => {
  const chart = instances.get(entry.target);
  if (chart) {
    chart.resize();
  }
}));

/** Disposes the charts whose element is no longer on the page. */
export function sweep() {
  for (const [node, chart] of instances) {
    if (!node.isConnected) {
      resizer.unobserve(node);
      chart.dispose();
      instances.delete(node);
    }
  }
}

/**
 * A chart element: role img with the description as its name right away; ECharts draws into it once it is on the
 * page and in view. makeOption may be async (the map waits for its geometry).
 */
export function chartElement(description, makeOption, className = 'chart') {
  const node = el('div', {class: className, role: 'img', 'aria-label': description});
  const observer = new IntersectionObserver(async entries => {
    if (!entries.some(entry => entry.isIntersecting) || instances.has(node)) {
      return;
    }
    observer.disconnect();
    const {onClick, ...option} = await makeOption();
    if (!node.isConnected) {
      return;
    }
    const chart = echarts.init(node, null, {renderer: 'svg'});
    chart.setOption({
      aria: {enabled: true, label: {description}},
      textStyle: {fontFamily: FONT, color: TEXT},
      animation: false,
      ...option,
    });
    if (onClick) {
      chart.on('click', onClick);
    }
    instances.set(node, chart);
    resizer.observe(node);
    node.dataset.drawn = 'true';
  }, {rootMargin: '200px'});
  observer.observe(node);
  return node;
}

function tooltip(formatter) {
  return {trigger: 'item', renderMode: 'richText', confine: true, formatter, textStyle: {color: TEXT, fontSize: 13}};
}

const STYLES = {
  actual: colour => ({type: 'line', lineStyle: {width: 2.5, color: colour}, itemStyle: {color: colour}, symbol: 'circle', symbolSize: 5}),
  trajectory: () => ({type: 'line', lineStyle: {width: 1.5, type: 'dashed', color: MUTED}, itemStyle: {color: MUTED}, symbol: 'none'}),
  target: colour => ({type: 'scatter', symbol: 'diamond', symbolSize: 13, itemStyle: {color: colour || TEXT, borderColor: '#fff', borderWidth: 1}}),
  baseline: () => ({type: 'scatter', symbol: 'rect', symbolSize: 10, itemStyle: {color: MUTED}}),
  projection: () => ({type: 'line', lineStyle: {width: 2, type: 'dotted', color: COLOURS.AT_RISK.strong},
    itemStyle: {color: COLOURS.AT_RISK.strong}, symbol: 'triangle', symbolSize: 9}),
};

/**
 * A line chart over time. spec: {description, unit, series: [{name, kind: actual|trajectory|target|baseline|projection,
 * colour, points: [[isoDate, value]]}], compact}
 */
export function lineChart(spec) {
  return chartElement(spec.description, () => ({
    grid: {left: 8, right: 20, top: spec.compact ? 14 : 28, bottom: 8, containLabel: true},
    legend: {show: false},
    tooltip: tooltip(params => `${params.seriesName}\n${date(params.value[0])}: ${number(params.value[1])}${spec.unit ? ` ${spec.unit}` : ''}`),
    xAxis: {type: 'time', axisLabel: {color: MUTED, formatter: axisDate, hideOverlap: true}, axisLine: {lineStyle: {color: MUTED}}},
    yAxis: {type: 'value', name: spec.compact ? '' : spec.unit, nameTextStyle: {color: MUTED, align: 'left'},
      axisLabel: {color: MUTED, formatter: value => number(value)}, splitLine: {lineStyle: {color: '#e3e6ea'}}},
    series: spec.series.map((series, index) => ({
      name: series.name,
      data: series.points,
      ...STYLES[series.kind](series.colour || PALETTE[index % PALETTE.length]),
    })),
  }), spec.compact ? 'chart chart-compact' : 'chart');
}

/** A horizontal bar chart. spec: {description, categories, series: [{name, colour, decal, values}], stacked} */
export function barChart(spec) {
  const height = Math.max(160, spec.categories.length * 44 + 80);
  const node = chartElement(spec.description, () => ({
    grid: {left: 8, right: 24, top: 12, bottom: 48, containLabel: true},
    legend: {bottom: 0, itemGap: 16, textStyle: {color: TEXT, fontSize: 13}},
    tooltip: tooltip(params => `${params.seriesName}\n${params.name}: ${number(params.value)}`),
    xAxis: {type: 'value', minInterval: 1, axisLabel: {color: MUTED, formatter: value => number(value)},
      splitLine: {lineStyle: {color: '#e3e6ea'}}},
    yAxis: {type: 'category', inverse: true, data: spec.categories, axisLabel: {color: TEXT, fontSize: 13}},
    series: spec.series.map(series => ({
      type: 'bar', name: series.name, stack: spec.stacked ? 'all' : undefined, data: series.values, barMaxWidth: 26,
      itemStyle: {color: series.colour, decal: series.decal, borderColor: '#fff', borderWidth: 1},
    })),
  }), 'chart chart-bars');
  node.style.height = `${height}px`;
  return node;
}

function loadMap() {
  if (!mapLoaded) {
    mapLoaded = fetch(MAP_URL, {headers: FROM_DASHBOARD}).then(response => response.json()).then(geo => echarts.registerMap(MAP_NAME, geo));
  }
  return mapLoaded;
}

/**
 * The provinces with the pilot regions coloured and patterned by status.
 * spec: {description, areas: [{code, label, status}], onSelect(code)}
 */
export function mapChart(spec) {
  return chartElement(spec.description, async () => {
    await loadMap();
    return {
      tooltip: tooltip(params => (params.data ? params.data.tooltip : '')),
      series: [{
        type: 'map', map: MAP_NAME, nameProperty: 'statcode', aspectScale: 0.62, roam: false, selectedMode: false,
        layoutCenter: ['50%', '50%'], layoutSize: '96%',
        itemStyle: {areaColor: '#eef1f4', borderColor: '#8a96a3', borderWidth: 0.8},
        emphasis: {disabled: true},
        label: {show: false},
        data: spec.areas.map(area => ({
          name: area.code,
          tooltip: area.label,
          itemStyle: {areaColor: COLOURS[area.status].fill, borderColor: '#1a1a1a', borderWidth: 1.2,
            decal: {...PATTERNS[area.status], color: COLOURS[area.status].strong}},
          label: {show: true, formatter: area.short, color: TEXT, fontWeight: 600, fontSize: 12,
            backgroundColor: 'rgba(255,255,255,0.85)', padding: [2, 4], borderRadius: 2},
        })),
      }],
      onClick: params => params.data && spec.onSelect && spec.onSelect(params.data.name),
    };
  }, 'chart chart-map');
}

/** The decal pattern and colours of a status, for bar charts. */
export function statusStyle(status) {
  return {colour: COLOURS[status].fill, decal: {...PATTERNS[status], color: COLOURS[status].strong}};
}
