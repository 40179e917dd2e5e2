/**
 * Suggesting which spreadsheet column fills which field, from the header people wrote: "Company",
 * "Employer" and "Org name" all mean the organisation's name. The user can change any suggestion.
 */
export type ImportEntity = 'organisations' | 'contacts' | 'engagements' | 'opportunities';

/** Field → the headers that mean it (compared lower-case with punctuation and spaces removed). */
export const FIELD_SYNONYMS: Record<ImportEntity, Record<string, readonly string[]>> = {
  organisations: {
    name: ['name', 'organisation', 'organisationname', 'organization', 'organizationname', 'orgname', 'org', 'company', 'companyname', 'employer', 'employername', 'business', 'businessname', 'partner', 'client'],
    // A registry URI (".../id/company/01234567") carries the number too: used when no number column comes first.
    companiesHouseNumber: ['companieshousenumber', 'companieshouse', 'companieshouseno', 'chno', 'companyregno', 'companyregistrationnumber', 'companynumber', 'companyno', 'chnumber', 'crn', 'registrationnumber', 'regno', 'uri'],
    companyStatus: ['companystatus', 'status', 'registrystatus', 'companieshousestatus'],
    companyCategory: ['companycategory', 'companytype', 'legalform', 'legalstatus', 'incorporationtype'],
    incorporationDate: ['incorporationdate', 'dateofincorporation', 'incorporated', 'incorporatedon', 'dateofcreation'],
    website: ['website', 'web', 'url', 'site', 'homepage', 'www'],
    sicCode1: ['siccodesictext1', 'siccode1', 'sictext1', 'sic1', 'sic', 'siccode', 'siccodes', 'sic2007', 'natureofbusiness'],
    sicCode2: ['siccodesictext2', 'siccode2', 'sictext2', 'sic2'],
    sicCode3: ['siccodesictext3', 'siccode3', 'sictext3', 'sic3'],
    sicCode4: ['siccodesictext4', 'siccode4', 'sictext4', 'sic4'],
    sector: ['sector', 'industry', 'sicsection'],
    sizeBand: ['size', 'sizeband', 'employees', 'staff', 'headcount', 'noofemployees', 'numberofemployees'],
    addressLine1: ['address', 'address1', 'addressline1', 'street', 'regaddressaddressline1', 'registeredaddress'],
    addressLine2: ['address2', 'addressline2', 'regaddressaddressline2'],
    town: ['town', 'city', 'towncity', 'posttown', 'regaddressposttown'],
    postcode: ['postcode', 'postalcode', 'zip', 'zipcode', 'pc', 'regaddresspostcode'],
    type: ['type', 'organisationtype', 'orgtype', 'category'],
  },
  contacts: {
    firstName: ['firstname', 'forename', 'givenname', 'first'],
    lastName: ['lastname', 'surname', 'familyname', 'last'],
    fullName: ['name', 'fullname', 'contact', 'contactname', 'person'],
    email: ['email', 'emailaddress', 'e-mail', 'mail'],
    phone: ['phone', 'telephone', 'tel', 'mobile', 'phonenumber'],
    jobTitle: ['jobtitle', 'title', 'role', 'position'],
    organisation: ['organisation', 'organization', 'company', 'employer', 'orgname', 'companyname'],
    lawfulBasis: ['lawfulbasis', 'legalbasis', 'gdprbasis', 'basis', 'gdpr', 'basisforprocessing'],
  },
  engagements: {
    occurredOn: ['date', 'occurredon', 'when', 'meetingdate', 'dateofcontact'],
    type: ['type', 'engagementtype', 'activity', 'contacttype'],
    summary: ['summary', 'subject', 'title', 'purpose', 'topic'],
    details: ['details', 'notes', 'note', 'description', 'comments', 'minutes', 'outcome'],
    organisation: ['organisation', 'organization', 'company', 'employer', 'orgname'],
    contactEmail: ['contactemail', 'email', 'emailaddress'],
    department: ['department', 'dept', 'school', 'faculty', 'team'],
  },
  opportunities: {
    title: ['title', 'opportunity', 'opportunityname', 'name', 'project'],
    type: ['type', 'opportunitytype', 'activity', 'bcetype'],
    value: ['value', 'amount', 'valuegbp', 'value£', 'contractvalue', 'worth', 'income'],
    stage: ['stage', 'status', 'pipelinestage'],
    probability: ['probability', 'probability%', 'likelihood', 'chance', 'confidence'],
    expectedCloseDate: ['expectedclose', 'expectedclosedate', 'closedate', 'close', 'decisiondate'],
    startDate: ['startdate', 'start', 'startson', 'from'],
    endDate: ['enddate', 'end', 'finish', 'finishdate', 'endson'],
    organisation: ['organisation', 'organization', 'company', 'employer', 'client', 'partner'],
    department: ['department', 'dept', 'school', 'faculty'],
    lostReason: ['lostreason', 'reasonlost', 'whylost', 'lossreason'],
  },
};

const key = (header: string) => header.toLowerCase().replace(/[\s_\-./()#:]+/g, '');

/**
 * For each header, the field it most likely fills, or null. Each field is suggested once (the
 * first header that names it), so two "Name" columns do not both fill the name.
 */
export function suggestMapping(entity: ImportEntity, headers: readonly string[]): Array<string | null> {
  const synonyms = FIELD_SYNONYMS[entity];
  const taken = new Set<string>();
  return headers.map((header) => {
    const k = key(header);
    const field = Object.keys(synonyms).find((f) => !taken.has(f) && (key(f) === k || synonyms[f].includes(k)));
    if (!field) return null;
    taken.add(field);
    return field;
  });
}
