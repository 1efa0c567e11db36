// The tab in Chromium, inside the Teams stand-in (test/support/teams-host.ts): its pages
// for members and the secretariat, a member's actions, the meeting's side panel.
// One file for three suites, each with its app and its own database: they share the
// modules and one browser, loaded and launched once (chromiumSuite), and run one after another.
import './tab-ui.suite';
import './tab-member-actions.suite';
import './side-panel.suite';
