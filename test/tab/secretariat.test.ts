// The secretariat's pages of the tab in Chromium, inside the Teams stand-in
// (test/support/teams-host.ts): the agenda, the meeting's preparation, the workbench.
// One file for three suites, each with its app and its own database: they share the
// modules and one browser, loaded and launched once (chromiumSuite), and run one after another.
import './tab-agenda.suite';
import './tab-secretariat-prep.suite';
import './tab-workbench.suite';
