import { FIRST_NAMES, LAST_NAMES } from '../demo-story';

/**
 * Word lists for names at scale: wide enough that a full name is nearly unique and three letters
 * match a realistic share (a few per cent), so trigram search is measured on real selectivity.
 */
export const MORE_FIRST_NAMES = [...FIRST_NAMES, 'Alfie', 'Archie', 'Benjamin', 'Bethany', 'Caitlin', 'Cameron', 'Connor', 'Declan', 'Eleanor',
  'Elliot', 'Emily', 'Erin', 'Ethan', 'Faith', 'Finlay', 'Gemma', 'Hannah', 'Harriet', 'Hollie', 'Imogen', 'Isaac', 'Jasmine', 'Joseph', 'Joshua',
  'Katie', 'Kieran', 'Lauren', 'Liam', 'Lucy', 'Luke', 'Matilda', 'Max', 'Molly', 'Nathan', 'Olivia', 'Owen', 'Phoebe', 'Poppy', 'Rebecca', 'Reuben',
  'Rosie', 'Ryan', 'Samuel', 'Sarah', 'Scarlett', 'Sebastian', 'Stanley', 'Tobias', 'Tyler', 'William', 'Yusuf', 'Zainab', 'Ibrahim', 'Fatima',
  'Anjali', 'Ravi', 'Deepak', 'Mei', 'Wei', 'Chen', 'Olu', 'Chidi', 'Ngozi', 'Tomasz', 'Agnieszka', 'Marta', 'Piotr', 'Elena', 'Luca', 'Sofia',
  'Aoife', 'Ciaran', 'Seren', 'Gethin', 'Morag', 'Hamish', 'Iona', 'Angus', 'Bronwen', 'Dafydd'];

export const MORE_LAST_NAMES = [...LAST_NAMES, 'Adams', 'Atkinson', 'Bailey', 'Barker', 'Bell', 'Bennett', 'Booth', 'Bradley', 'Brooks', 'Butler',
  'Carter', 'Chapman', 'Collins', 'Cook', 'Cox', 'Dixon', 'Ellis', 'Fisher', 'Fletcher', 'Foster', 'Fox', 'Gibson', 'Graham', 'Grant', 'Gray',
  'Griffiths', 'Hamilton', 'Hart', 'Hayes', 'Henderson', 'Holmes', 'Hunt', 'Hussain', 'James', 'Jenkins', 'Kelly', 'Kennedy', 'Knight', 'Lawrence',
  'Marshall', 'Mason', 'Matthews', 'Mills', 'Mitchell', 'Morgan', 'Murray', 'Owen', 'Palmer', 'Parker', 'Parry', 'Pearson', 'Phillips', 'Powell',
  'Price', 'Reid', 'Reynolds', 'Richards', 'Richardson', 'Rogers', 'Rose', 'Russell', 'Saunders', 'Scott', 'Shaw', 'Simpson', 'Spencer', 'Stevens',
  'Sutton', 'Thomson', 'Walsh', 'Watson', 'Webb', 'Wells', 'West', 'Young', 'Ahmed', 'Ali', 'Chowdhury', 'Das', 'Gill', 'Iqbal', 'Mahmood',
  'Mistry', 'Rahman', 'Sharma', 'Shah', 'Chen', 'Wong', 'Li', 'Adeyemi', 'Mensah', 'Oduya', 'Kowalski', 'Wisniewski', 'Rossi', 'Ferrari',
  'Doherty', 'Gallagher', 'Quinn', 'Byrne', 'Llewellyn', 'Pritchard', 'Vaughan', 'Fraser', 'Ross', 'Sinclair', 'Munro'];

/** Invented brand words ("Norvex", "Calder"): two syllables from a list, so thousands of distinct tokens. */
const SYLLABLES = ['nor', 'vex', 'tal', 'bry', 'cor', 'dun', 'elm', 'fal', 'gar', 'hol', 'ken', 'lyn', 'mar', 'nes', 'orm', 'pel', 'quin', 'ral',
  'sel', 'tor', 'ul', 'ven', 'wic', 'yar', 'zen', 'ash', 'bro', 'cal', 'der', 'fen', 'gle', 'har', 'ith', 'jas', 'kel', 'lor', 'mid', 'nov'];
export const BRAND_WORDS = SYLLABLES.flatMap((a) => SYLLABLES.filter((b) => b !== a).map((b) => a[0].toUpperCase() + a.slice(1) + b));

export const LEGAL_SUFFIXES = ['Ltd', 'Ltd', 'Ltd', 'Limited', 'plc', 'LLP', 'Group', 'UK Ltd', 'Holdings Ltd', '& Co'];

export const STREETS = ['High Street', 'Station Road', 'Church Lane', 'Mill Lane', 'Park Road', 'Victoria Road', 'Queen Street', 'Riverside Way',
  'Enterprise Park', 'Innovation Way', 'Dock Road', 'Market Place', 'Castle Street', 'Bridge Street', 'Commercial Road', 'Industrial Estate'];

/** Internal units: faculties, schools and services; numbered once the list runs out. */
export const DEPARTMENT_NAMES = ['School of Engineering', 'Business School', 'School of Health and Life Sciences', 'School of Art and Design',
  'Apprenticeships Hub', 'Research and Enterprise Office', 'Careers and Employability', 'CPD Unit', 'School of Computing', 'School of Law',
  'School of Education', 'School of Nursing', 'School of Architecture', 'School of Psychology', 'School of Chemistry', 'School of Physics',
  'School of Mathematics', 'School of Social Sciences', 'School of Humanities', 'School of Media', 'School of Sport', 'Centre for Net Zero',
  'Advanced Manufacturing Centre', 'Digital Innovation Centre', 'Knowledge Exchange Office', 'International Office', 'Construction Academy',
  'Automotive Centre', 'Creative Industries Hub', 'Food Science Centre', 'Logistics Institute', 'Cyber Security Centre', 'Data Science Institute',
  'Energy Institute', 'Marine Centre', 'Aerospace Centre', 'Biotech Incubator', 'Town Campus', 'City Campus', 'Coastal Campus',
  'Adult Learning Service', 'Skills Bootcamps', 'School of Hospitality', 'School of Music', 'School of Agriculture', 'Veterinary School',
  'Dental School', 'Medical School', 'School of Pharmacy', 'Library and Archives'];

export const TASK_TITLES = ['Send proposal', 'Book site visit', 'Follow up on apprenticeship vacancies', 'Share KTP eligibility notes',
  'Confirm placement dates', 'Chase signed agreement', 'Invite to showcase event', 'Send CPD course calendar', 'Arrange call with dean',
  'Update contact details', 'Prepare costings', 'Introduce to research office'];

export const ENGAGEMENT_SUMMARIES: Record<string, string[]> = {
  meeting: ['Discussed a KTP', 'Leadership programme scoping', 'Apprenticeship levy planning', 'Innovate UK bid planning', 'Quarterly account review'],
  call: ['Call about student project briefs', 'Call about graduate vacancies', 'Call about lab testing services', 'Follow-up call on proposal'],
  email: ['Sent proposal for collaborative research', 'Consultancy quote follow-up', 'Shared portfolio of student work', 'Sent CPD course calendar'],
  visit: ['Site visit to the production line', 'Campus tour for the leadership team', 'Visit to the new facility'],
  event: ['Attended the business breakfast', 'Careers fair stand booked', 'Graduate showcase'],
  enquiry: ['Enquiry about short courses for staff', 'Enquiry about apprenticeship standards', 'Enquiry about equipment hire'],
  placement_visit: ['Apprentice progress review', 'Summer internship check-in', 'Placement visit for nursing students'],
  note: ['Due diligence notes', 'Notes from the account plan', 'Background on the new owners'],
};
