// Registers every Kindred element. The entry of the script-tag bundle (dist/cdn/kindred.js).
import './components/community/kin-community.js';
