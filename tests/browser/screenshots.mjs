#!/usr/bin/env node
// The README's screenshots (docs/screenshots/*.png), taken from the demo site, one role each.
//
//   npm install
//   node screenshots.mjs --base http://127.0.0.1:8000 [--only workspace,siret]
//
// Options as crawl.mjs: --base, --host, --password, --chromium; --out DIR (default
// ../../docs/screenshots), --only NAMES (comma-separated file names without .png).

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { DEMO_PASSWORD, LOGINS, openSession } from "./session.mjs";

const HERE = path.dirname(fileURLToPath(import.meta.url));

// name -> [role, route, (optional) what to do before the picture]
const SHOTS = {
	workspace: ["coordinator", "/app/promeneurs-du-net"],
	promeneurs: ["coordinator", "/app/pdn-promeneur"],
	promeneur: ["coordinator", "/app/pdn-promeneur/PDN-PRM-00001"],
	structure: ["coordinator", "/app/pdn-structure/PDN-STR-00001"],
	siret: ["coordinator", "/app/pdn-structure/new", invalid_siret],
	"caf-synthese": ["caf", "/app/query-report/Annual Synthesis"],
	"caf-activite": ["caf", "/app/query-report/Promeneurs Activity Report"],
	"structure-espace": ["structure", "/app/promeneurs-du-net"],
	"espace-promeneur": ["promeneur", "/app/espace-promeneur"],
	questionnaire: ["promeneur", "/evaluation/new"],
	administration: ["administrator", "/app/network-administration"],
	"mon-profil": ["promeneur", "/mon-profil"],
	candidature: ["guest", "/candidature/new"],
	directory: ["guest", "/promeneurs"],
	appels: ["guest", "/appels-a-candidatures"],
};

async function invalid_siret(page) {
	const fill = async (fieldname, value) => {
		const input = page.locator(`.frappe-control[data-fieldname="${fieldname}"] input`).first();
		await input.fill(value);
		await input.press("Tab");
		await page.waitForTimeout(400);
	};
	await fill("structure_name", "Maison des jeunes de Cusset");
	await fill("department", "03");
	await page.keyboard.press("Escape");
	await fill("postcode", "03300");
	await fill("siret", "123 456 789 00010");
	await page.keyboard.press("Control+s");
	await page.waitForSelector(".modal.show .msgprint", { timeout: 15000 });
	await page.waitForTimeout(600);
}

function parseArgs(argv) {
	const opts = {
		base: "http://127.0.0.1:8000",
		host: null,
		password: DEMO_PASSWORD,
		chromium: process.env.CHROMIUM || "/usr/bin/chromium",
		out: path.resolve(HERE, "../../docs/screenshots"),
		only: null,
	};
	for (let i = 0; i < argv.length; i++) {
		const value = () => argv[++i];
		if (argv[i] === "--base") opts.base = value().replace(/\/$/, "");
		else if (argv[i] === "--host") opts.host = value();
		else if (argv[i] === "--password") opts.password = value();
		else if (argv[i] === "--chromium") opts.chromium = value();
		else if (argv[i] === "--out") opts.out = path.resolve(value());
		else if (argv[i] === "--only") opts.only = value().split(",");
		else throw new Error(`unknown option ${argv[i]}`);
	}
	return opts;
}

async function main() {
	const opts = parseArgs(process.argv.slice(2));
	fs.mkdirSync(opts.out, { recursive: true });
	const browser = await chromium.launch({ executablePath: opts.chromium, args: ["--no-sandbox", "--disable-gpu"] });
	const contexts = {};
	const context_of = async (role) => {
		contexts[role] ??= await openSession(browser, opts, LOGINS[role], { width: 1400, height: 900 });
		return contexts[role];
	};
	try {
		for (const [name, [role, route, before]] of Object.entries(SHOTS)) {
			if (opts.only && !opts.only.includes(name)) continue;
			const page = await (await context_of(role)).newPage();
			await page.goto(opts.base + route, { waitUntil: "domcontentloaded" });
			await page.waitForLoadState("networkidle", { timeout: 30000 }).catch(() => {});
			// charts draw with an animation
			const charts = await page.locator(".frappe-chart").count();
			await page.waitForTimeout(route.startsWith("/app") ? (charts ? 5000 : 2500) : 800);
			if (before) await before(page);
			await page.mouse.move(0, 0);
			const file = path.join(opts.out, `${name}.png`);
			await page.screenshot({ path: file });
			console.log(`${name}.png  (${role}, ${route})`);
			await page.close();
		}
	} finally {
		await browser.close();
	}
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
