// The benchmark corpus of `npm run bench`: a 350-page strategy PDF and a batch of shorter PDF and
// DOCX strategies, generated once with LibreOffice headless from seeded text and kept in the user's
// cache directory (never in git); plus ../shared/data/documents when it is there.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { convertWithLibreOffice, hasLibreOffice, writeFodt } from './fixtures-fodt.mjs';
import { seededRandom } from './seeded-random.mjs';

/** Bumped whenever the generated documents change, so that an old corpus is not measured by mistake. */
const CORPUS_VERSION = 3;
export const LONG_PAGES = 350;
const BATCH_DOCUMENTS = 10;
const BATCH_PAGES = 36;

const THEMES = {
  cs: [
    ['Doprava a mobilita', ['město rozšíří síť cyklostezek', 'posílí veřejnou dopravu a tramvajové linky', 'zklidní dopravu v centru', 'podpoří sdílenou mobilitu a elektromobilitu', 'vybuduje parkoviště P+R u nádraží']],
    ['Energetika a klima', ['sníží emise skleníkových plynů', 'zateplí veřejné budovy', 'instaluje fotovoltaiku na střechy škol', 'připraví plán adaptace na změnu klimatu', 'založí komunitní energetiku']],
    ['Voda a zeleň', ['zadrží dešťovou vodu v krajině', 'obnoví parky a stromořadí', 'chrání lesy a mokřady', 'zlepší čištění odpadních vod', 'vytvoří modrozelenou infrastrukturu']],
    ['Sociální soudržnost', ['rozšíří kapacitu sociálních služeb', 'podpoří dostupné bydlení', 'pomůže seniorům a lidem se zdravotním postižením', 'sníží chudobu a sociální vyloučení', 'posílí komunitní centra']],
    ['Vzdělávání', ['zmodernizuje mateřské a základní školy', 'rozvíjí celoživotní vzdělávání', 'spolupracuje s univerzitou', 'podporuje digitální dovednosti žáků', 'zajistí rovný přístup ke vzdělání']],
    ['Hospodářství a podnikání', ['podpoří místní podnikatele a startupy', 'připraví brownfieldy pro investice', 'posílí cestovní ruch', 'vytvoří nová pracovní místa', 'rozvíjí inovační centrum']],
    ['Digitalizace a chytré město', ['zavede otevřená data', 'digitalizuje služby úřadu', 'vybuduje síť senzorů kvality ovzduší', 'zlepší kybernetickou bezpečnost', 'nabídne portál občana']],
    ['Odpady a oběhové hospodářství', ['zvýší podíl tříděného odpadu', 'omezí skládkování', 'podpoří opětovné použití a opravy', 'zavede kompostování bioodpadu', 'sníží plýtvání potravinami']],
    ['Implementace a financování', ['akční plán stanoví odpovědnost a termíny', 'rozpočet vyčlení prostředky na opatření', 'město využije evropské fondy', 'řídicí výbor vyhodnotí plnění', 'indikátory se sledují každý rok']],
    ['Participace a správa', ['občané se zapojí do participativního rozpočtu', 'město pořádá veřejná projednání', 'spolupracuje s neziskovými organizacemi', 'zveřejňuje zprávy o plnění strategie', 'zástupci mládeže mají vlastní radu']],
  ],
  en: [
    ['Transport and mobility', ['the city extends its cycle network', 'public transport and tram lines are strengthened', 'traffic in the centre is calmed', 'shared and electric mobility are supported', 'park-and-ride sites are built at the station']],
    ['Energy and climate', ['greenhouse gas emissions are cut', 'public buildings are insulated', 'solar panels are installed on school roofs', 'a climate adaptation plan is prepared', 'a community energy scheme is founded']],
    ['Water and green spaces', ['rainwater is retained in the landscape', 'parks and tree lines are restored', 'forests and wetlands are protected', 'waste water treatment is improved', 'blue-green infrastructure is created']],
    ['Social cohesion', ['social services gain capacity', 'affordable housing is supported', 'older and disabled people receive help', 'poverty and social exclusion are reduced', 'community centres are strengthened']],
    ['Education', ['kindergartens and primary schools are modernised', 'lifelong learning is developed', 'the city works with the university', 'pupils learn digital skills', 'equal access to education is ensured']],
    ['Economy and enterprise', ['local entrepreneurs and start-ups are supported', 'brownfields are prepared for investment', 'tourism is strengthened', 'new jobs are created', 'an innovation centre is developed']],
    ['Digital and smart city', ['open data are published', 'council services go digital', 'a network of air quality sensors is built', 'cyber security is improved', 'a citizen portal is offered']],
    ['Waste and circular economy', ['the share of separated waste grows', 'landfilling is limited', 'reuse and repair are supported', 'bio-waste is composted', 'food waste is reduced']],
    ['Implementation and financing', ['the action plan sets responsibilities and deadlines', 'the budget reserves funds for the measures', 'the city draws on European funds', 'a steering committee reviews progress', 'indicators are monitored every year']],
    ['Participation and governance', ['citizens take part in a participatory budget', 'the city holds public hearings', 'it works with non-profit organisations', 'progress reports are published', 'young people have their own council']],
  ],
};

const WORDS = {
  cs: { measure: 'Opatření', by: 'do roku', target: 'cílová hodnota', chapter: 'Kapitola', goals: 'Cíle a opatření', title: 'Strategie rozvoje města', footer: 'Strana {page}' },
  en: { measure: 'Measure', by: 'by', target: 'target value', chapter: 'Chapter', goals: 'Goals and measures', title: 'City development strategy', footer: 'Page {page}' },
};


/**
 * A strategy of about `pages` pages: numbered chapters by theme (each starts a page and fills about
 * 1.3 pages), running header and footer, a table now and then.
 */
export function strategySource(language, pages, seed, city) {
  const next = seededRandom(seed);
  const pick = (items) => items[Math.floor(next() * items.length)];
  const words = WORDS[language];
  const themes = THEMES[language];
  const sentence = (chapter, index, actions) => {
    const year = 2026 + Math.floor(next() * 10);
    const amount = 5 + Math.floor(next() * 95);
    return `${words.measure} ${chapter}.${index}: ${city} ${pick(actions)} ${words.by} ${year}; ${words.target} ${amount} %.`;
  };
  const paragraph = (chapter, index, actions) => Array.from({ length: 6 }, (_, position) => sentence(chapter, index * 6 + position, actions)).join(' ');
  const title = `${words.title} ${city} 2026–2035`;
  const blocks = [{ title }];
  const chapters = Math.ceil(pages / 1.285);
  for (let chapter = 1; chapter <= chapters; chapter++) {
    const [theme, actions] = themes[(chapter - 1) % themes.length];
    blocks.push({ h: 1, text: `${chapter} ${theme}`, pageBreak: true });
    blocks.push({ h: 2, text: `${chapter}.1 ${words.goals}` });
    for (let index = 0; index < 6; index++) blocks.push({ p: paragraph(chapter, index, actions), hyphenate: language === 'cs' });
    if (chapter % 4 === 0) blocks.push({ table: [['#', words.measure, words.target], ...Array.from({ length: 4 }, (_, row) => [String(row + 1), pick(actions), `${10 + row * 5} %`])] });
  }
  return { language, country: language === 'cs' ? 'CZ' : 'GB', header: title, footer: words.footer, outline: true, blocks };
}

export function corpusDirectory(env = process.env) {
  const base = env.XDG_CACHE_HOME ? join(env.XDG_CACHE_HOME, 's4s') : join(homedir(), '.cache', 's4s');
  return join(base, `bench-corpus-v${CORPUS_VERSION}`);
}

/**
 * A long PDF of real text, when ../shared/data/documents holds the Climate City Contract of Liberec
 * (Markdown, 66,000 words of English): its headings, paragraphs and tables typeset by LibreOffice.
 * The generated long PDF repeats some 500 distinct words, which flatters every cache of the
 * matcher; this one has the vocabulary of a real strategy. Made once, beside the generated corpus;
 * undefined without the source or LibreOffice.
 */
export function prepareRealLongPdf(root, log) {
  const source = join(root, '..', 'shared', 'data', 'documents', 'ccc_liberec.md');
  if (!existsSync(source) || !hasLibreOffice()) return undefined;
  const target = join(corpusDirectory(), 'real-liberec.pdf');
  if (existsSync(target)) return target;
  log(`typesetting ${source} as a PDF (LibreOffice, once)`);
  const work = join(tmpdir(), `s4s-bench-real-${process.pid}`);
  mkdirSync(work, { recursive: true });
  mkdirSync(corpusDirectory(), { recursive: true });
  try {
    const fodt = writeFodt({ language: 'en', country: 'GB', header: 'Climate City Contract: Liberec', footer: 'Page {page}', outline: true, blocks: markdownBlocks(readFileSync(source, 'utf8')) }, join(work, 'real.fodt'));
    convertWithLibreOffice(fodt, join(work, 'real.pdf'), 'pdf');
    renameSync(join(work, 'real.pdf'), target);
    return target;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Markdown as FODT blocks: `#` headings, tables (rows of `|` cells), paragraphs; links and emphasis as their text. */
function markdownBlocks(markdown) {
  const inline = (text) => text.replace(/!\[[^\]]*\]\([^)]*\)/g, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[*_`^]+/g, '').trim();
  const blocks = [];
  let table = [];
  const endTable = () => {
    const width = Math.max(0, ...table.map((row) => row.length));
    if (width > 0) blocks.push({ table: table.map((row) => Array.from({ length: width }, (_, index) => row[index] ?? '')) });
    table = [];
  };
  for (const line of markdown.split('\n')) {
    if (line.trim().startsWith('|')) {
      const cells = line.trim().replace(/^\||\|$/g, '').split('|').map((cell) => inline(cell));
      if (!cells.every((cell) => /^:?-*:?$/.test(cell))) table.push(cells);
      continue;
    }
    endTable();
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) blocks.push({ h: Math.min(heading[1].length, 3), text: inline(heading[2]) });
    else if (inline(line)) blocks.push({ p: inline(line) });
  }
  endTable();
  return blocks;
}

/**
 * The corpus, generated on first use. Returns `{ long, batch: [paths], shared: [paths] }`; `long` and
 * `batch` are empty when LibreOffice is missing (with a message), `shared` when ../shared/data is.
 */
export function prepareCorpus(root, log) {
  const directory = corpusDirectory();
  const long = join(directory, 'long.pdf');
  const batchDirectory = join(directory, 'batch');
  const sharedDirectory = join(root, '..', 'shared', 'data', 'documents');
  const shared = existsSync(sharedDirectory) ? readdirSync(sharedDirectory).sort().map((name) => join(sharedDirectory, name)) : [];
  if (!existsSync(long) || !existsSync(join(directory, 'complete'))) {
    if (!hasLibreOffice()) {
      log('LibreOffice (soffice) not found: the generated corpus is skipped (apt-get install -y libreoffice-writer-nogui)');
      return { long: undefined, batch: [], shared };
    }
    generate(directory, long, batchDirectory, log);
  }
  const batch = readdirSync(batchDirectory).sort().map((name) => join(batchDirectory, name));
  return { long, batch, shared };
}

function generate(directory, long, batchDirectory, log) {
  const work = join(tmpdir(), `s4s-bench-${process.pid}`);
  rmSync(directory, { recursive: true, force: true });
  mkdirSync(batchDirectory, { recursive: true });
  mkdirSync(work, { recursive: true });
  try {
    log(`generating the benchmark corpus in ${directory} (LibreOffice, once; a few minutes)`);
    const cities = ['Dolní Ves', 'Riverton', 'Horní Lhota', 'Harbour Town', 'Nové Město', 'Millbrook', 'Zelená Hora', 'Eastfield', 'Březová', 'Northgate'];
    convertWithLibreOffice(writeFodt(strategySource('cs', LONG_PAGES, 350, 'Statutární město'), join(work, 'long.fodt')), long, 'pdf');
    for (let index = 0; index < BATCH_DOCUMENTS; index++) {
      const language = index % 2 === 0 ? 'cs' : 'en';
      const target = index % 5 === 4 ? 'docx' : 'pdf';
      const name = `strategy-${String(index + 1).padStart(2, '0')}-${language}.${target}`;
      const fodt = writeFodt(strategySource(language, BATCH_PAGES, 1000 + index, cities[index]), join(work, `${index}.fodt`));
      convertWithLibreOffice(fodt, join(batchDirectory, name), target);
      log(`  ${name}`);
    }
    mkdirSync(join(directory, 'complete'));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
