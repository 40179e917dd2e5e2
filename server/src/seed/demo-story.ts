/**
 * Generates the rest of the demo story deterministically (same data every time): more employers,
 * people who move employer, and two years of engagements where several departments deal with the
 * same organisation without knowing it — the "islands" the product exists to join up.
 */
export function prng(seed = 20261123) {
  let state = seed >>> 0;
  const next = () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
  };
}

export const PLACES: Array<[string, string, string, string]> = [
  // place word, town, postcode prefix, region
  ['Tyne', 'Gateshead', 'NE8', 'north_east'], ['Wear', 'Sunderland', 'SR1', 'north_east'], ['Tees', 'Stockton-on-Tees', 'TS18', 'north_east'],
  ['Mersey', 'Birkenhead', 'CH41', 'north_west'], ['Pennine', 'Oldham', 'OL1', 'north_west'], ['Ribble', 'Blackburn', 'BB1', 'north_west'],
  ['Aire', 'Bradford', 'BD1', 'yorkshire_humber'], ['Don', 'Doncaster', 'DN1', 'yorkshire_humber'], ['Humber', 'Grimsby', 'DN31', 'yorkshire_humber'],
  ['Trent', 'Stoke-on-Trent', 'ST1', 'west_midlands'], ['Severn', 'Worcester', 'WR1', 'west_midlands'], ['Arden', 'Solihull', 'B91', 'west_midlands'],
  ['Soar', 'Loughborough', 'LE11', 'east_midlands'], ['Derwent', 'Matlock', 'DE4', 'east_midlands'], ['Nene', 'Northampton', 'NN1', 'east_midlands'],
  ['Fenland', 'Peterborough', 'PE1', 'east_of_england'], ['Orwell', 'Felixstowe', 'IP11', 'east_of_england'], ['Chiltern', 'Luton', 'LU1', 'east_of_england'],
  ['Thames', 'Dartford', 'DA1', 'south_east'], ['Medway', 'Chatham', 'ME4', 'south_east'], ['Solent', 'Portsmouth', 'PO1', 'south_east'],
  ['Avon', 'Bath', 'BA1', 'south_west'], ['Tamar', 'Plymouth', 'PL4', 'south_west'], ['Wessex', 'Swindon', 'SN1', 'south_west'],
  ['Taff', 'Pontypridd', 'CF37', 'wales'], ['Dee', 'Wrexham', 'LL11', 'wales'], ['Clyde', 'Paisley', 'PA1', 'scotland'], ['Forth', 'Stirling', 'FK8', 'scotland'],
  ['Lagan', 'Lisburn', 'BT28', 'northern_ireland'], ['Lea', 'London', 'E15', 'london'],
];

export const TRADES: Array<[string, string]> = [
  // trade words, SIC section
  ['Precision Engineering', 'C'], ['Composites', 'C'], ['Robotics', 'C'], ['Food Processing', 'C'], ['Packaging', 'C'],
  ['Logistics', 'H'], ['Freight', 'H'], ['Software', 'J'], ['Data Services', 'J'], ['Cyber Security', 'J'],
  ['Care Homes', 'Q'], ['Dental Group', 'Q'], ['Construction', 'F'], ['Civil Engineering', 'F'], ['Renewables', 'D'],
  ['Architects', 'M'], ['Laboratories', 'M'], ['Accountants', 'M'], ['Hotels', 'I'], ['Motor Group', 'G'],
];

export const FIRST_NAMES = ['Amelia', 'Oliver', 'Isla', 'George', 'Ava', 'Harry', 'Mia', 'Jack', 'Sophie', 'Noah', 'Grace', 'Leo', 'Freya', 'Arthur',
  'Ella', 'Oscar', 'Lily', 'Charlie', 'Evie', 'Jacob', 'Ruby', 'Thomas', 'Chloe', 'James', 'Megan', 'Daniel', 'Aisha', 'Mohammed', 'Priya', 'Kwame',
  'Siobhan', 'Callum', 'Rhys', 'Niamh', 'Fraser', 'Eilidh', 'Ewan', 'Carys', 'Dylan', 'Zara'];
export const LAST_NAMES = ['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Patel', 'Robinson', 'Wright', 'Thompson',
  'Evans', 'Walker', 'White', 'Roberts', 'Green', 'Hall', 'Thomas', 'Clarke', 'Jackson', 'Wood', 'Harris', 'Edwards', 'Turner', 'Martin', 'Cooper',
  'Hill', 'Ward', 'Hughes', 'Moore', 'Clark', 'King', 'Harrison', 'Lewis', 'Baker', 'Lee', 'Allen', 'Morris', 'Khan', 'Begum', 'Murphy', "O'Neill",
  'Campbell', 'Stewart', 'MacDonald', 'Okafor', 'Nowak', 'Kaur', 'Singh'];
export const JOB_TITLES = ['HR Manager', 'Head of Talent', 'Apprenticeship Coordinator', 'Operations Director', 'Managing Director', 'Technical Director',
  'Learning and Development Lead', 'R&D Manager', 'Chief Engineer', 'Early Careers Manager', 'Office Manager', 'Head of Innovation',
  'Finance Director', 'Site Manager', 'Quality Manager', 'Partnerships Officer'];
export const ROLES = ['Main contact', 'Placements contact', 'Apprenticeships lead', 'Decision maker', 'Technical contact', 'Finance contact'];

/** What each department typically talks to employers about: [type, summary template] pairs. */
export const STORIES: Record<string, Array<[string, string]>> = {
  ENG: [['meeting', 'Discussed a KTP on %'], ['visit', 'Site visit: % line'], ['call', 'Call about student project briefs'], ['email', 'Sent proposal for collaborative research']],
  BUS: [['meeting', 'Leadership programme scoping'], ['event', 'Attended the business breakfast'], ['email', 'Consultancy quote follow-up'], ['call', 'Call about MBA sponsorship']],
  HLS: [['meeting', 'Clinical placement capacity review'], ['visit', 'Placement visit for nursing students'], ['call', 'Call about lab testing services']],
  ART: [['meeting', 'Live brief for design students'], ['event', 'Graduate showcase sponsorship'], ['email', 'Shared portfolio of student work']],
  APP: [['meeting', 'Apprenticeship levy planning'], ['placement_visit', 'Apprentice progress review'], ['call', 'Call about Level 3 engineering apprentices'], ['enquiry', 'Enquiry about apprenticeship standards']],
  REO: [['meeting', 'Innovate UK bid planning'], ['email', 'NDA and collaboration agreement sent'], ['meeting', 'IP licensing discussion'], ['note', 'Due diligence notes']],
  CES: [['event', 'Careers fair stand booked'], ['placement_visit', 'Summer internship check-in'], ['call', 'Call about graduate vacancies']],
  CPD: [['enquiry', 'Enquiry about short courses for staff'], ['meeting', 'Bespoke CPD programme design'], ['email', 'Sent CPD course calendar']],
};
