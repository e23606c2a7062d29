"""The CLARA dataset, drawn from the public documents in shared/seeds/.

Descriptions are written for this product from the documents' facts. Where a document gives no
date or figure, the field stays empty. Coordinates are those of the institution's city district,
for the map. Every record is keyed by its slug (agreements by reference) so that loading is
idempotent.
"""

import datetime

D = datetime.date

THEMES = [
    # Six themes of CLARA International Shanghai (2011 symposium).
    {
        "slug": "cancer-stem-cells",
        "name_fr": "Cellules souches cancéreuses et leur environnement",
        "name_en": "Cancer stem cells and their environment",
        "description_fr": "Biologie des cellules souches cancéreuses et de la niche qui les entretient.",
        "description_en": "Biology of cancer stem cells and of the niche that sustains them.",
    },
    {
        "slug": "liver-cancer",
        "name_fr": "Cancer du foie (hépatocarcinome)",
        "name_en": "Liver cancer (hepatocellular carcinoma)",
        "description_fr": (
            "Carcinome hépatocellulaire et autres cancers du foie, particulièrement fréquents "
            "en Chine."
        ),
        "description_en": (
            "Hepatocellular carcinoma and other liver cancers, which are especially common in "
            "China."
        ),
    },
    {
        "slug": "animal-models-imaging",
        "name_fr": "Modèles animaux de tumeurs et techniques d'imagerie",
        "name_en": "Animal tumour models and imaging techniques",
        "description_fr": "Création de modèles animaux de tumeurs et nouvelles techniques d'imagerie.",
        "description_en": "Building animal models of tumours and new imaging techniques.",
    },
    {
        "slug": "tumour-microenvironment",
        "name_fr": "Micro-environnement tumoral, développement du cancer et métastases",
        "name_en": "Tumour microenvironment, cancer development and metastasis",
    },
    {
        "slug": "tumour-markers-biobanks",
        "name_fr": "Marqueurs tumoraux, diagnostic précoce et biobanques",
        "name_en": "Tumour markers, early diagnosis and tumour biobanks",
    },
    {
        "slug": "malignant-lymphoma",
        "name_fr": "Lymphomes malins",
        "name_en": "Malignant lymphoma",
    },
    # Oncopole du Québec agreement.
    {
        "slug": "genomics-precision-medicine",
        "name_fr": "Génomique et médecine de précision",
        "name_en": "Genomics and precision medicine",
    },
    {"slug": "cell-therapy", "name_fr": "Thérapie cellulaire", "name_en": "Cell therapy"},
    {
        "slug": "cancer-care-organisation",
        "name_fr": "Organisation des soins en oncologie",
        "name_en": "Organisation of cancer care",
    },
    # Milan, Lausanne, Germany, Spain.
    {
        "slug": "lung-cancer-biomarkers",
        "name_fr": "Biomarqueurs du cancer du poumon",
        "name_en": "Lung cancer biomarkers",
        "parent": "tumour-markers-biobanks",
    },
    {
        "slug": "dependence-receptors-colon-cancer",
        "name_fr": "Récepteurs à dépendance et cancer du côlon",
        "name_en": "Dependence receptors and colon cancer",
    },
    {
        "slug": "virus-induced-cancers",
        "name_fr": "Cancers induits par les virus (infectiologie)",
        "name_en": "Virus-induced cancers (infectiology)",
        "description_fr": "Diagnostic, traitement et prévention des cancers d'origine virale.",
        "description_en": "Diagnosis, treatment and prevention of cancers caused by viruses.",
    },
    {
        "slug": "nanomedicine",
        "name_fr": "Nanomédecine et nanotechnologies en cancérologie",
        "name_en": "Nanomedicine and nanotechnology in oncology",
    },
    {
        "slug": "sarcoma",
        "name_fr": "Sarcomes et tumeurs des tissus conjonctifs",
        "name_en": "Sarcomas and connective tissue tumours",
    },
    {
        "slug": "cancer-epidemiology",
        "name_fr": "Épidémiologie et observation des cancers",
        "name_en": "Cancer epidemiology and surveillance",
    },
    {
        "slug": "humanities-public-health",
        "name_fr": "Sciences humaines et sociales, santé publique",
        "name_en": "Humanities, social sciences and public health",
    },
    # The six areas of the products developed with Lyonbiopôle.
    {"slug": "diagnostics", "name_fr": "Diagnostic", "name_en": "Diagnostics"},
    {
        "slug": "imaging-medical-devices",
        "name_fr": "Imagerie et dispositifs médicaux",
        "name_en": "Imaging and medical devices",
    },
    {"slug": "radiotherapy", "name_fr": "Radiothérapie", "name_en": "Radiotherapy"},
    {"slug": "chemotherapy", "name_fr": "Chimiothérapie", "name_en": "Chemotherapy"},
    {"slug": "immunotherapy", "name_fr": "Immunothérapie", "name_en": "Immunotherapy"},
    {"slug": "patient-services", "name_fr": "Services au patient", "name_en": "Patient services"},
]

REGIONAL = "regional_member"
FOREIGN = "foreign_partner"
OTHER = "other"

INSTITUTIONS = [
    # Support and funding of CLARA.
    {
        "slug": "fondation-bullukian",
        "name_fr": "Fondation Léa et Napoléon Bullukian",
        "name_en": "Léa and Napoléon Bullukian Foundation",
        "kind": "foundation",
        "network_role": REGIONAL,
        "country": "FR",
        "city_fr": "Lyon",
        "city_en": "Lyon",
        "coords": (45.7600, 4.8320),
        "description_fr": "Fondation reconnue d'utilité publique sous l'égide de laquelle le CLARA est placé.",
        "description_en": "Foundation recognised as being of public utility, under whose aegis CLARA operates.",
    },
    {
        "slug": "canceropole-clara",
        "name_fr": "Cancéropôle Lyon Auvergne-Rhône-Alpes",
        "name_en": "Lyon Auvergne-Rhône-Alpes Cancer Cluster",
        "acronym": "CLARA",
        "kind": "cluster",
        "network_role": REGIONAL,
        "parent": "fondation-bullukian",
        "country": "FR",
        "city_fr": "Lyon",
        "city_en": "Lyon",
        "coords": (45.7485, 4.8467),
        "founded_year": 2003,
        "website": "https://www.canceropole-clara.com",
        "description_fr": (
            "Cluster de recherche sur le cancer créé en 2003 à l'initiative des pouvoirs publics "
            "(Institut national du cancer, collectivités territoriales, Fonds européen de "
            "développement régional) dans le cadre des Plans cancer. Il rassemble les acteurs "
            "académiques, cliniques et industriels d'Auvergne-Rhône-Alpes, avec deux buts : faire "
            "bénéficier rapidement les patients des découvertes et valoriser la recherche. Il "
            "soutient aussi l'ouverture de la cancérologie aux sciences humaines et sociales et à "
            "la santé publique."
        ),
        "description_en": (
            "Cancer research cluster set up in 2003 by public authorities (the French National "
            "Cancer Institute, local and regional authorities and the European Regional "
            "Development Fund) under the national Cancer Plans. It brings together the academic, "
            "clinical and industrial players of Auvergne-Rhône-Alpes with two aims: getting "
            "discoveries to patients quickly and turning research into economic value. It also "
            "opens cancer research to the humanities, social sciences and public health."
        ),
    },
    {
        "slug": "region-auvergne-rhone-alpes",
        "name_fr": "Région Auvergne-Rhône-Alpes",
        "name_en": "Auvergne-Rhône-Alpes Region",
        "kind": "public_authority",
        "network_role": REGIONAL,
        "country": "FR",
        "city_fr": "Lyon",
        "city_en": "Lyon",
        "coords": (45.7370, 4.8170),
        "description_fr": (
            "Collectivité régionale (Région Rhône-Alpes avant sa fusion avec l'Auvergne). Elle "
            "soutient CLARA International Shanghai, en s'appuyant sur vingt-cinq ans de "
            "coopération avec la Municipalité de Shanghai, et est partie à l'accord avec "
            "l'Institut Weizmann."
        ),
        "description_en": (
            "Regional authority (the Rhône-Alpes Region before its merger with Auvergne). It "
            "backs CLARA International Shanghai, building on twenty-five years of cooperation "
            "with the Shanghai Municipality, and is a party to the agreement with the Weizmann "
            "Institute."
        ),
    },
    {
        "slug": "inca",
        "name_fr": "Institut national du cancer",
        "name_en": "French National Cancer Institute",
        "acronym": "INCa",
        "kind": "funding_agency",
        "network_role": OTHER,
        "country": "FR",
        "city_fr": "Boulogne-Billancourt",
        "city_en": "Boulogne-Billancourt",
        "coords": (48.8350, 2.2400),
        "description_fr": "Agence nationale de la cancérologie ; co-fondateur de CLARA et financeur des programmes avec Milan et Lausanne.",
        "description_en": "The national cancer agency; a founder of CLARA and funder of the Milan and Lausanne programmes.",
    },
    {
        "slug": "european-commission",
        "name_fr": "Commission européenne",
        "name_en": "European Commission",
        "kind": "public_authority",
        "network_role": OTHER,
        "country": "BE",
        "city_fr": "Bruxelles",
        "city_en": "Brussels",
        "coords": (50.8430, 4.3830),
        "description_fr": "Soutient les programmes européens Nano2Life et CONTICANET.",
        "description_en": "Supports the European programmes Nano2Life and CONTICANET.",
    },
    {
        "slug": "erdf",
        "name_fr": "Fonds européen de développement régional",
        "name_en": "European Regional Development Fund",
        "acronym": "FEDER",
        "kind": "funding_agency",
        "network_role": OTHER,
        "parent": "european-commission",
        "country": "BE",
        "city_fr": "Bruxelles",
        "city_en": "Brussels",
        "description_fr": "Fonds structurel européen, parmi les financeurs de CLARA.",
        "description_en": "European structural fund, one of CLARA's funders.",
    },
    # Regional research and innovation.
    {
        "slug": "crcl",
        "name_fr": "Centre de recherche en cancérologie de Lyon",
        "name_en": "Cancer Research Center of Lyon",
        "acronym": "CRCL",
        "kind": "research_institute",
        "network_role": REGIONAL,
        "country": "FR",
        "city_fr": "Lyon",
        "city_en": "Lyon",
        "coords": (45.7420, 4.8810),
        "description_fr": "Centre de recherche lyonnais, signataire en 2013 d'un accord de partenariat avec le Shanghai Cancer Institute.",
        "description_en": "Lyon research centre that signed a partnership agreement with the Shanghai Cancer Institute in 2013.",
    },
    {
        "slug": "iarc",
        "name_fr": "Centre international de recherche sur le cancer",
        "name_en": "International Agency for Research on Cancer",
        "acronym": "CIRC",
        "kind": "research_institute",
        "network_role": REGIONAL,
        "country": "FR",
        "city_fr": "Lyon",
        "city_en": "Lyon",
        "coords": (45.7430, 4.8720),
        "description_fr": (
            "Centre international établi à Lyon. Ses équipes travaillent avec celles du DKFZ sur "
            "les cancers d'origine virale, et il coordonne un Observatoire européen du cancer."
        ),
        "description_en": (
            "International research centre based in Lyon. Its teams work with the DKFZ on "
            "virus-induced cancers, and it coordinates a European Cancer Observatory."
        ),
    },
    {
        "slug": "lyonbiopole",
        "name_fr": "Lyonbiopôle",
        "name_en": "Lyonbiopôle",
        "kind": "cluster",
        "network_role": REGIONAL,
        "country": "FR",
        "city_fr": "Lyon",
        "city_en": "Lyon",
        "coords": (45.7330, 4.8330),
        "description_fr": "Pôle de compétitivité santé de la région lyonnaise, partenaire de CLARA depuis 2013.",
        "description_en": "Health competitiveness cluster of the Lyon area, a partner of CLARA since 2013.",
    },
    {
        "slug": "universite-de-lyon",
        "name_fr": "Université de Lyon",
        "name_en": "University of Lyon",
        "kind": "university",
        "network_role": REGIONAL,
        "country": "FR",
        "city_fr": "Lyon",
        "city_en": "Lyon",
        "coords": (45.7500, 4.8400),
    },
    {
        "slug": "universite-jean-monnet",
        "name_fr": "Université Jean Monnet Saint-Étienne",
        "name_en": "Jean Monnet University Saint-Étienne",
        "acronym": "UJM",
        "kind": "university",
        "network_role": REGIONAL,
        "country": "FR",
        "city_fr": "Saint-Étienne",
        "city_en": "Saint-Étienne",
        "coords": (45.4340, 4.3900),
    },
    {
        "slug": "universite-grenoble-alpes",
        "name_fr": "Université Grenoble Alpes",
        "name_en": "Grenoble Alpes University",
        "acronym": "UGA",
        "kind": "university",
        "network_role": REGIONAL,
        "country": "FR",
        "city_fr": "Grenoble",
        "city_en": "Grenoble",
        "coords": (45.1930, 5.7680),
    },
    {
        "slug": "universite-clermont-auvergne",
        "name_fr": "Université Clermont Auvergne",
        "name_en": "Clermont Auvergne University",
        "acronym": "UCA",
        "kind": "university",
        "network_role": REGIONAL,
        "country": "FR",
        "city_fr": "Clermont-Ferrand",
        "city_en": "Clermont-Ferrand",
        "coords": (45.7770, 3.0870),
    },
    {
        "slug": "labex-devwecan",
        "name_fr": "LabEx DEVweCAN",
        "name_en": "LabEx DEVweCAN",
        "kind": "network",
        "network_role": REGIONAL,
        "country": "FR",
        "city_fr": "Lyon",
        "city_en": "Lyon",
        "description_fr": "Laboratoire d'excellence labellisé, cité parmi les réussites du modèle CLARA.",
        "description_en": "Laboratory of excellence, cited among the successes of the CLARA model.",
    },
    {
        "slug": "siric-lyric",
        "name_fr": "SIRIC LYriC",
        "name_en": "SIRIC LYriC",
        "kind": "network",
        "network_role": REGIONAL,
        "country": "FR",
        "city_fr": "Lyon",
        "city_en": "Lyon",
        "description_fr": "Site de recherche intégrée sur le cancer labellisé, cité parmi les réussites du modèle CLARA.",
        "description_en": "Integrated cancer research site, cited among the successes of the CLARA model.",
    },
    {
        "slug": "institut-carnot-calym",
        "name_fr": "Institut Carnot CALYM",
        "name_en": "CALYM Carnot Institute",
        "acronym": "CALYM",
        "kind": "network",
        "network_role": REGIONAL,
        "country": "FR",
        "description_fr": "Institut Carnot labellisé, cité parmi les réussites du modèle CLARA.",
        "description_en": "Carnot-labelled institute, cited among the successes of the CLARA model.",
    },
    {
        "slug": "oncotherapy-science",
        "name_fr": "OncoTherapy Science",
        "name_en": "OncoTherapy Science",
        "kind": "company",
        "network_role": OTHER,
        "country": "JP",
        "description_fr": "Biotech japonaise dont l'implantation dans la région figure parmi les réussites de CLARA.",
        "description_en": "Japanese biotech company whose setting up in the region counts among CLARA's successes.",
    },
    {
        "slug": "plus2sens",
        "name_fr": "PLUS2SENS",
        "name_en": "PLUS2SENS",
        "kind": "company",
        "network_role": OTHER,
        "country": "FR",
        "description_fr": "Agence de relations presse du communiqué CLARA–Oncopole de 2018.",
        "description_en": "Press relations agency for the 2018 CLARA–Oncopole press release.",
    },
    {
        "slug": "canceropole-grand-sud-ouest",
        "name_fr": "Cancéropôle Grand Sud-Ouest",
        "name_en": "Grand Sud-Ouest Cancer Cluster",
        "acronym": "CGSO",
        "kind": "cluster",
        "network_role": OTHER,
        "country": "FR",
        "city_fr": "Toulouse",
        "city_en": "Toulouse",
        "coords": (43.6000, 1.4440),
    },
    # Shanghai.
    {
        "slug": "shanghai-municipality",
        "name_fr": "Municipalité de Shanghai",
        "name_en": "Shanghai Municipality",
        "kind": "public_authority",
        "network_role": FOREIGN,
        "country": "CN",
        "city_fr": "Shanghaï",
        "city_en": "Shanghai",
        "coords": (31.2300, 121.4740),
        "description_fr": "Partenaire de longue date de la Région, soutient CLARA International Shanghai.",
        "description_en": "Long-standing partner of the Region, supports CLARA International Shanghai.",
    },
    {
        "slug": "shanghai-jiao-tong-university",
        "name_fr": "Université Jiao Tong de Shanghai",
        "name_en": "Shanghai Jiao Tong University",
        "acronym": "SJTU",
        "kind": "university",
        "network_role": FOREIGN,
        "country": "CN",
        "city_fr": "Shanghaï",
        "city_en": "Shanghai",
        "coords": (31.2010, 121.4330),
    },
    {
        "slug": "renji-hospital",
        "name_fr": "Hôpital Renji",
        "name_en": "Renji Hospital",
        "kind": "hospital",
        "network_role": FOREIGN,
        "parent": "shanghai-jiao-tong-university",
        "country": "CN",
        "city_fr": "Shanghaï",
        "city_en": "Shanghai",
        "coords": (31.2130, 121.5060),
    },
    {
        "slug": "renji-stem-cell-research-center",
        "name_fr": "Centre de recherche sur les cellules souches de l'hôpital Renji",
        "name_en": "Renji Hospital Stem Cell Research Center",
        "kind": "research_institute",
        "network_role": FOREIGN,
        "parent": "renji-hospital",
        "country": "CN",
        "city_fr": "Shanghaï",
        "city_en": "Shanghai",
        "coords": (31.2140, 121.5080),
        "description_fr": "A accueilli en 2012 le premier chercheur en mobilité de CLARA International Shanghai.",
        "description_en": "Hosted the first researcher mobility of CLARA International Shanghai in 2012.",
    },
    {
        "slug": "shanghai-cancer-institute",
        "name_fr": "Institut du cancer de Shanghai",
        "name_en": "Shanghai Cancer Institute",
        "acronym": "SCI",
        "kind": "research_institute",
        "network_role": FOREIGN,
        "parent": "renji-hospital",
        "country": "CN",
        "city_fr": "Shanghaï",
        "city_en": "Shanghai",
        "coords": (31.2020, 121.4620),
        "description_fr": "Partenaire du CRCL par un accord signé en 2013 ; acteur de la recherche sur le cancer du foie à Shanghaï.",
        "description_en": "Partner of the CRCL through an agreement signed in 2013; part of Shanghai's liver cancer research.",
    },
    {
        "slug": "ruijin-hospital",
        "name_fr": "Hôpital Ruijin",
        "name_en": "Ruijin Hospital",
        "kind": "hospital",
        "network_role": FOREIGN,
        "parent": "shanghai-jiao-tong-university",
        "country": "CN",
        "city_fr": "Shanghaï",
        "city_en": "Shanghai",
        "coords": (31.2120, 121.4690),
    },
    {
        "slug": "institut-pasteur-shanghai",
        "name_fr": "Institut Pasteur de Shanghai",
        "name_en": "Institut Pasteur of Shanghai",
        "acronym": "IPS",
        "kind": "research_institute",
        "network_role": FOREIGN,
        "country": "CN",
        "city_fr": "Shanghaï",
        "city_en": "Shanghai",
        "coords": (31.1940, 121.4480),
    },
    {
        "slug": "tongji-university",
        "name_fr": "Université Tongji",
        "name_en": "Tongji University",
        "kind": "university",
        "network_role": FOREIGN,
        "country": "CN",
        "city_fr": "Shanghaï",
        "city_en": "Shanghai",
        "coords": (31.2840, 121.5010),
    },
    {
        "slug": "fudan-university",
        "name_fr": "Université Fudan",
        "name_en": "Fudan University",
        "kind": "university",
        "network_role": FOREIGN,
        "country": "CN",
        "city_fr": "Shanghaï",
        "city_en": "Shanghai",
        "coords": (31.2990, 121.5000),
    },
    # Israel.
    {
        "slug": "weizmann-institute",
        "name_fr": "Institut Weizmann des sciences",
        "name_en": "Weizmann Institute of Science",
        "kind": "research_institute",
        "network_role": FOREIGN,
        "country": "IL",
        "city_fr": "Rehovot",
        "city_en": "Rehovot",
        "coords": (31.9070, 34.8100),
    },
    # Québec.
    {
        "slug": "frqs",
        "name_fr": "Fonds de recherche du Québec – Santé",
        "name_en": "Quebec Health Research Fund",
        "acronym": "FRQS",
        "kind": "funding_agency",
        "network_role": FOREIGN,
        "country": "CA",
        "city_fr": "Montréal",
        "city_en": "Montreal",
        "coords": (45.5030, -73.5680),
    },
    {
        "slug": "oncopole-quebec",
        "name_fr": "Oncopole du Québec",
        "name_en": "Quebec Oncopole",
        "acronym": "Oncopole",
        "kind": "cluster",
        "network_role": FOREIGN,
        "parent": "frqs",
        "country": "CA",
        "city_fr": "Montréal",
        "city_en": "Montreal",
        "coords": (45.5010, -73.5700),
        "founded_year": 2017,
        "website": "https://oncopole.ca",
        "description_fr": (
            "Pôle québécois de recherche, de développement et d'investissement contre le cancer, "
            "créé en février 2017 par le FRQS grâce à un investissement initial de 15 M$ de Merck "
            "Canada. Il fédère l'écosystème québécois de l'oncologie autour de la recherche, de "
            "l'entrepreneuriat, de la valorisation de l'innovation et de la pertinence clinique."
        ),
        "description_en": (
            "Quebec's hub for cancer research, development and investment, set up in February "
            "2017 by the FRQS with an initial investment of $15 million from Merck Canada. It "
            "brings Quebec's oncology ecosystem together around research, entrepreneurship, "
            "innovation uptake and clinical relevance."
        ),
    },
    {
        "slug": "merck-canada",
        "name_fr": "Merck Canada",
        "name_en": "Merck Canada",
        "kind": "company",
        "network_role": OTHER,
        "country": "CA",
        "description_fr": "Entreprise pharmaceutique, investisseur initial de l'Oncopole du Québec.",
        "description_en": "Pharmaceutical company, initial investor in the Quebec Oncopole.",
    },
    {
        "slug": "universite-de-montreal",
        "name_fr": "Université de Montréal",
        "name_en": "University of Montreal",
        "kind": "university",
        "network_role": FOREIGN,
        "country": "CA",
        "city_fr": "Montréal",
        "city_en": "Montreal",
        "coords": (45.5050, -73.6130),
    },
    {
        "slug": "mcgill-university",
        "name_fr": "Université McGill",
        "name_en": "McGill University",
        "kind": "university",
        "network_role": FOREIGN,
        "country": "CA",
        "city_fr": "Montréal",
        "city_en": "Montreal",
        "coords": (45.5050, -73.5770),
    },
    {
        "slug": "universite-de-sherbrooke",
        "name_fr": "Université de Sherbrooke",
        "name_en": "University of Sherbrooke",
        "kind": "university",
        "network_role": FOREIGN,
        "country": "CA",
        "city_fr": "Sherbrooke",
        "city_en": "Sherbrooke",
        "coords": (45.3790, -71.9300),
    },
    {
        "slug": "universite-laval",
        "name_fr": "Université Laval",
        "name_en": "Laval University",
        "kind": "university",
        "network_role": FOREIGN,
        "country": "CA",
        "city_fr": "Québec",
        "city_en": "Quebec City",
        "coords": (46.7820, -71.2750),
    },
    # Europe.
    {
        "slug": "milan-cancer-cluster",
        "name_fr": "Pôle de recherche sur le cancer de Milan",
        "name_en": "Milan cancer research cluster",
        "kind": "cluster",
        "network_role": FOREIGN,
        "country": "IT",
        "city_fr": "Milan",
        "city_en": "Milan",
        "coords": (45.4640, 9.1900),
    },
    {
        "slug": "lausanne-cancer-cluster",
        "name_fr": "Pôle de recherche sur le cancer de Lausanne",
        "name_en": "Lausanne cancer research cluster",
        "kind": "cluster",
        "network_role": FOREIGN,
        "country": "CH",
        "city_fr": "Lausanne",
        "city_en": "Lausanne",
        "coords": (46.5200, 6.6330),
    },
    {
        "slug": "dkfz",
        "name_fr": "Centre allemand de recherche sur le cancer",
        "name_en": "German Cancer Research Center",
        "acronym": "DKFZ",
        "kind": "research_institute",
        "network_role": FOREIGN,
        "country": "DE",
        "city_fr": "Heidelberg",
        "city_en": "Heidelberg",
        "coords": (49.4160, 8.6720),
        "description_fr": "Deutsches Krebsforschungszentrum, la référence allemande de la recherche sur le cancer.",
        "description_en": "Deutsches Krebsforschungszentrum, Germany's reference centre for cancer research.",
    },
    {
        "slug": "ibec",
        "name_fr": "Institut de bio-ingénierie de Catalogne",
        "name_en": "Institute for Bioengineering of Catalonia",
        "acronym": "IBEC",
        "kind": "research_institute",
        "network_role": FOREIGN,
        "country": "ES",
        "city_fr": "Barcelone",
        "city_en": "Barcelona",
        "coords": (41.3850, 2.1950),
    },
    {
        "slug": "bionanomed-catalonia",
        "name_fr": "BioNanoMed Catalonia",
        "name_en": "BioNanoMed Catalonia",
        "kind": "cluster",
        "network_role": FOREIGN,
        "country": "ES",
        "city_fr": "Barcelone",
        "city_en": "Barcelona",
        "coords": (41.3900, 2.1650),
        "description_fr": "Cluster catalan de la nanomédecine.",
        "description_en": "Catalan nanomedicine cluster.",
    },
    {
        "slug": "oncocat",
        "name_fr": "Oncocat",
        "name_en": "Oncocat",
        "kind": "cluster",
        "network_role": FOREIGN,
        "country": "ES",
        "city_fr": "Barcelone",
        "city_en": "Barcelona",
        "coords": (41.3950, 2.1550),
        "description_fr": "Cluster catalan de l'oncologie.",
        "description_en": "Catalan oncology cluster.",
    },
]

PEOPLE = [
    {
        "slug": "veronique-trillet-lenoir",
        "first_name": "Véronique",
        "last_name": "Trillet-Lenoir",
        "role_fr": "Présidente du Directoire du CLARA",
        "role_en": "Chair of CLARA's Executive Board",
        "affiliation": "canceropole-clara",
        "is_public": True,
    },
    {
        "slug": "olivier-exertier",
        "first_name": "Olivier",
        "last_name": "Exertier",
        "role_fr": "Secrétaire général du CLARA",
        "role_en": "Secretary General of CLARA",
        "affiliation": "canceropole-clara",
        "is_public": True,
    },
    {
        "slug": "remi-quirion",
        "first_name": "Rémi",
        "last_name": "Quirion",
        "role_fr": "Scientifique en chef de l'Oncopole du Québec",
        "role_en": "Chief Scientist of the Quebec Oncopole",
        "affiliation": "oncopole-quebec",
        "is_public": True,
    },
    {
        "slug": "philippe-archinard",
        "first_name": "Philippe",
        "last_name": "Archinard",
        "role_fr": "Président de Lyonbiopôle",
        "role_en": "President of Lyonbiopôle",
        "affiliation": "lyonbiopole",
        "is_public": True,
    },
    {
        "slug": "gao-renji",
        "first_name": "",
        "last_name": "Gao",
        "title": "Pr",
        "role_fr": "Chef de service, centre de recherche sur les cellules souches de l'hôpital Renji",
        "role_en": "Head of department, Renji Hospital Stem Cell Research Center",
        "affiliation": "renji-stem-cell-research-center",
        "is_public": True,
    },
    {
        "slug": "christian-brambilla",
        "first_name": "Christian",
        "last_name": "Brambilla",
        "title": "Pr",
        "role_fr": "Coordinateur du programme Milan sur les biomarqueurs du cancer du poumon",
        "role_en": "Coordinator of the Milan programme on lung cancer biomarkers",
        "affiliation": "universite-grenoble-alpes",
        "is_public": True,
    },
    {
        "slug": "patrick-mehlen",
        "first_name": "Patrick",
        "last_name": "Mehlen",
        "title": "Dr",
        "role_fr": "Coordinateur du programme Lausanne sur les récepteurs à dépendance",
        "role_en": "Coordinator of the Lausanne programme on dependence receptors",
        "affiliation": "crcl",
        "is_public": True,
    },
    {
        "slug": "patrick-boisseau",
        "first_name": "Patrick",
        "last_name": "Boisseau",
        "role_fr": "Coordinateur de Nano2Life (Grenoble)",
        "role_en": "Coordinator of Nano2Life (Grenoble)",
        "is_public": True,
    },
    {
        "slug": "jean-yves-blay",
        "first_name": "Jean-Yves",
        "last_name": "Blay",
        "title": "Pr",
        "role_fr": "Coordinateur de CONTICANET (Lyon)",
        "role_en": "Coordinator of CONTICANET (Lyon)",
        "is_public": True,
    },
    # Press contacts: kept for the office, never shown publicly.
    {
        "slug": "gwenaelle-paret",
        "first_name": "Gwenaëlle",
        "last_name": "Paret",
        "role_fr": "Contact presse du CLARA",
        "role_en": "CLARA press contact",
        "affiliation": "canceropole-clara",
        "email": "gparet@canceropole-clara.com",
        "is_public": False,
    },
    {
        "slug": "anne-sophie-chatain-masson",
        "first_name": "Anne-Sophie",
        "last_name": "Chatain-Masson",
        "role_fr": "Relations presse",
        "role_en": "Press relations",
        "affiliation": "plus2sens",
        "email": "anne-sophie@plus2sens.com",
        "is_public": False,
    },
    {
        "slug": "laurence-nicolas",
        "first_name": "Laurence",
        "last_name": "Nicolas",
        "role_fr": "Relations presse",
        "role_en": "Press relations",
        "affiliation": "plus2sens",
        "email": "laurence@plus2sens.com",
        "is_public": False,
    },
]

TEAMS = [
    {
        "slug": "gao-stem-cell-team",
        "name_fr": "Équipe du Pr Gao – cellules souches",
        "name_en": "Prof. Gao's team – stem cells",
        "institution": "renji-stem-cell-research-center",
        "leader": "gao-renji",
        "themes": ["cancer-stem-cells"],
        "description_fr": "Service du centre de recherche sur les cellules souches de Renji qui a accueilli le premier chercheur rhônalpin en mobilité.",
        "description_en": "Department of the Renji stem cell research centre that hosted the first researcher from the region.",
    },
    {
        "slug": "mehlen-dependence-receptors",
        "name_fr": "Équipe de P. Mehlen – récepteurs à dépendance",
        "name_en": "P. Mehlen's team – dependence receptors",
        "institution": "crcl",
        "leader": "patrick-mehlen",
        "themes": ["dependence-receptors-colon-cancer"],
        "description_fr": "Coordonne le programme avec Lausanne sur le rôle des récepteurs à dépendance dans le cancer du côlon.",
        "description_en": "Coordinates the programme with Lausanne on the role of dependence receptors in colon cancer.",
    },
    {
        "slug": "brambilla-lung-biomarkers",
        "name_fr": "Équipe du Pr Brambilla – biomarqueurs du cancer du poumon",
        "name_en": "Prof. Brambilla's team – lung cancer biomarkers",
        "institution": "universite-grenoble-alpes",
        "leader": "christian-brambilla",
        "themes": ["lung-cancer-biomarkers"],
        "description_fr": "Coordonne le programme avec Milan sur l'identification de biomarqueurs du cancer du poumon.",
        "description_en": "Coordinates the programme with Milan on identifying lung cancer biomarkers.",
    },
]

SHANGHAI_THEMES = [
    "cancer-stem-cells",
    "liver-cancer",
    "animal-models-imaging",
    "tumour-microenvironment",
    "tumour-markers-biobanks",
    "malignant-lymphoma",
]

PARTNERSHIPS = [
    {
        "slug": "clara-international-shanghai",
        "name_fr": "CLARA International Shanghai",
        "name_en": "CLARA International Shanghai",
        "kind": "bilateral_programme",
        "status": "active",
        "start_date": D(2011, 1, 1),
        "start_precision": "year",
        "countries": ["CN"],
        "is_featured": True,
        "summary_fr": (
            "Réseau de recherche en cancérologie entre les équipes académiques et cliniques de "
            "Rhône-Alpes et de Shanghaï : cellules souches, cancer du foie (hépatocarcinome), "
            "imagerie et trois autres thèmes."
        ),
        "summary_en": (
            "Cancer research network linking academic and clinical teams of Rhône-Alpes and "
            "Shanghai: stem cells, liver cancer (hepatocarcinoma), imaging and three more themes."
        ),
        "description_fr": (
            "Lancé en 2011 dans le cadre de la stratégie 2011-2014 de CLARA et annoncé en février "
            "2012, le programme rapproche les équipes de Rhône-Alpes de celles de la Municipalité "
            "de Shanghaï, avec le soutien de la Région et de la Municipalité, partenaires depuis "
            "vingt-cinq ans. Quatorze instituts de recherche y participaient dès le départ.\n\n"
            "Les six thèmes ont été définis lors d'un premier symposium à Shanghaï en juillet "
            "2011 ; les collaborations les plus avancées portent sur les cellules souches "
            "cancéreuses, le cancer du foie (hépatocarcinome, très répandu en Chine) et les "
            "modèles animaux et l'imagerie. Le programme repose sur la mobilité des chercheurs, "
            "étudiants et médecins, et prévoit à terme l'échange de modèles expérimentaux et de "
            "ressources biologiques, puis des partenariats public-privé.\n\n"
            "Il a donné lieu à trois séminaires franco-chinois alternant entre Shanghaï et Lyon, "
            "à un projet commun sur les cellules souches cancéreuses et, en 2013, à un accord "
            "entre le CRCL et le Shanghai Cancer Institute."
        ),
        "description_en": (
            "Started in 2011 under CLARA's 2011-2014 strategy and announced in February 2012, the "
            "programme brings Rhône-Alpes teams together with those of the Shanghai Municipality, "
            "backed by the Region and the Municipality, partners for twenty-five years. Fourteen "
            "research institutes took part from the outset.\n\n"
            "Its six themes were set at a first symposium in Shanghai in July 2011; the most "
            "advanced collaborations concern cancer stem cells, liver cancer (hepatocarcinoma, "
            "very common in China) and animal models and imaging. The programme relies on the "
            "mobility of researchers, students and physicians, and plans exchanges of "
            "experimental models and biological resources, then public-private partnerships.\n\n"
            "It led to three Franco-Chinese seminars alternating between Shanghai and Lyon, a "
            "joint project on cancer stem cells and, in 2013, an agreement between the CRCL and "
            "the Shanghai Cancer Institute."
        ),
        "themes": SHANGHAI_THEMES,
        "members": [
            ("canceropole-clara", "coordinator"),
            ("region-auvergne-rhone-alpes", "funder"),
            ("shanghai-municipality", "funder"),
            ("crcl", "partner"),
            ("shanghai-jiao-tong-university", "partner"),
            ("institut-pasteur-shanghai", "partner"),
            ("renji-hospital", "partner"),
            ("renji-stem-cell-research-center", "host"),
            ("shanghai-cancer-institute", "partner"),
            ("ruijin-hospital", "partner"),
            ("tongji-university", "partner"),
            ("fudan-university", "partner"),
        ],
        "figures": [
            {
                "value": 14,
                "label_fr": "instituts de recherche de Rhône-Alpes et de Shanghaï impliqués au lancement",
                "label_en": "research institutes from Rhône-Alpes and Shanghai involved at launch",
                "period_start": 2012,
                "source_fr": "Communiqué CLARA, février 2012",
                "source_en": "CLARA press release, February 2012",
            },
            {
                "value": 6,
                "label_fr": "thèmes de recherche",
                "label_en": "research themes",
                "period_start": 2011,
                "source_fr": "Symposium de Shanghaï, juillet 2011",
                "source_en": "Shanghai symposium, July 2011",
            },
            {
                "value": 25,
                "unit_fr": "ans",
                "unit_en": "years",
                "label_fr": "de partenariat entre la Région Rhône-Alpes et la Municipalité de Shanghaï",
                "label_en": "of partnership between the Rhône-Alpes Region and the Shanghai Municipality",
                "period_start": 2012,
                "source_fr": "Communiqué CLARA, février 2012",
                "source_en": "CLARA press release, February 2012",
            },
            {
                "value": 3,
                "label_fr": "mobilités de jeunes chercheurs prévues d'ici fin 2012",
                "label_en": "young researcher mobilities planned by the end of 2012",
                "period_start": 2012,
                "source_fr": "Communiqué CLARA, février 2012",
                "source_en": "CLARA press release, February 2012",
            },
            {
                "value": 3,
                "label_fr": "séminaires franco-chinois, alternativement à Shanghaï et à Lyon",
                "label_en": "Franco-Chinese seminars, alternately in Shanghai and Lyon",
                "source_fr": "CLARA, relations internationales",
                "source_en": "CLARA, international relations",
            },
        ],
    },
    {
        "slug": "oncopole-quebec",
        "name_fr": "Partenariat CLARA – Oncopole du Québec",
        "name_en": "CLARA – Quebec Oncopole partnership",
        "kind": "cluster_partnership",
        "status": "active",
        "start_date": D(2018, 3, 8),
        "countries": ["CA"],
        "is_featured": True,
        "summary_fr": (
            "Entente conclue le 8 mars 2018 entre CLARA et l'Oncopole du Québec : génomique et "
            "médecine de précision, thérapie cellulaire, organisation des soins."
        ),
        "summary_en": (
            "Agreement reached on 8 March 2018 between CLARA and the Quebec Oncopole: genomics and "
            "precision medicine, cell therapy, organisation of care."
        ),
        "description_fr": (
            "Annoncée à l'Hôtel de Matignon lors de la Rencontre alternée des Premiers ministres "
            "québécois et français, l'entente formalise la coopération entre deux pôles "
            "d'excellence et relie les universités de Montréal, McGill, Sherbrooke et Laval à "
            "celles de Lyon, Saint-Étienne, Grenoble et Clermont-Ferrand. Elle s'appuie sur des "
            "liens scientifiques déjà féconds : plus de 1 300 co-publications entre CLARA et le "
            "Canada depuis 2000.\n\n"
            "Elle prévoit des programmes de recherche conjoints, des bourses de mobilité "
            "étudiante co-financées, le partage de connaissances et des symposiums scientifiques, "
            "dont le premier était prévu en novembre 2018 lors des Entretiens Jacques Cartier."
        ),
        "description_en": (
            "Announced at the Hôtel de Matignon during the alternating meeting of the Quebec and "
            "French Prime Ministers, the agreement formalises cooperation between two centres of "
            "excellence and links the universities of Montreal, McGill, Sherbrooke and Laval with "
            "those of Lyon, Saint-Étienne, Grenoble and Clermont-Ferrand. It builds on already "
            "productive scientific ties: more than 1,300 co-publications between CLARA and Canada "
            "since 2000.\n\n"
            "It provides for joint research programmes, jointly funded student mobility grants, "
            "knowledge sharing and scientific symposia, the first of which was planned for "
            "November 2018 at the Entretiens Jacques Cartier."
        ),
        "themes": ["genomics-precision-medicine", "cell-therapy", "cancer-care-organisation"],
        "coordinators": ["remi-quirion", "veronique-trillet-lenoir"],
        "members": [
            ("canceropole-clara", "coordinator"),
            ("oncopole-quebec", "coordinator"),
            ("universite-de-montreal", "partner"),
            ("mcgill-university", "partner"),
            ("universite-de-sherbrooke", "partner"),
            ("universite-laval", "partner"),
            ("universite-de-lyon", "partner"),
            ("universite-jean-monnet", "partner"),
            ("universite-grenoble-alpes", "partner"),
            ("universite-clermont-auvergne", "partner"),
        ],
        "figures": [
            {
                "value": 1300,
                "is_minimum": True,
                "label_fr": "co-publications entre CLARA et le Canada",
                "label_en": "co-publications between CLARA and Canada",
                "period_start": 2000,
                "period_end": 2018,
                "source_fr": "Communiqué CLARA – Oncopole, 8 mars 2018",
                "source_en": "CLARA – Oncopole press release, 8 March 2018",
            },
            {
                "value": 15,
                "unit_fr": "M$ CA",
                "unit_en": "CAD million",
                "label_fr": "investissement initial de Merck Canada dans l'Oncopole",
                "label_en": "initial investment by Merck Canada in the Oncopole",
                "period_start": 2017,
                "source_fr": "Communiqué CLARA – Oncopole, 8 mars 2018",
                "source_en": "CLARA – Oncopole press release, 8 March 2018",
            },
        ],
    },
    {
        "slug": "weizmann-institute",
        "name_fr": "Coopération avec l'Institut Weizmann",
        "name_en": "Cooperation with the Weizmann Institute",
        "kind": "bilateral_programme",
        "status": "active",
        "countries": ["IL"],
        "is_featured": True,
        "summary_fr": "Accord tripartite entre la Région, l'Institut Weizmann (Rehovot, Israël) et CLARA.",
        "summary_en": "Three-party agreement between the Region, the Weizmann Institute (Rehovot, Israel) and CLARA.",
        "description_fr": (
            "La Région Auvergne-Rhône-Alpes, l'Institut Weizmann des sciences et CLARA ont signé "
            "un accord de partenariat autour de trois axes : des projets scientifiques communs, "
            "des conférences scientifiques conjointes organisées tour à tour en France et en "
            "Israël, et des échanges de chercheurs, de médecins et d'étudiants."
        ),
        "description_en": (
            "The Auvergne-Rhône-Alpes Region, the Weizmann Institute of Science and CLARA signed "
            "a partnership agreement with three strands: joint scientific projects, joint "
            "scientific conferences held in turn in France and in Israel, and exchanges of "
            "researchers, physicians and students."
        ),
        "members": [
            ("canceropole-clara", "coordinator"),
            ("region-auvergne-rhone-alpes", "partner"),
            ("weizmann-institute", "partner"),
        ],
    },
    {
        "slug": "milan-lung-cancer-biomarkers",
        "name_fr": "Programme Milan – biomarqueurs du cancer du poumon",
        "name_en": "Milan programme – lung cancer biomarkers",
        "kind": "cluster_partnership",
        "status": "active",
        "countries": ["IT"],
        "is_featured": True,
        "summary_fr": "Projet avec le pôle de recherche sur le cancer de Milan pour identifier des biomarqueurs du cancer du poumon.",
        "summary_en": "Project with the Milan cancer research cluster to identify lung cancer biomarkers.",
        "description_fr": (
            "L'un des deux projets collaboratifs montés avec des clusters européens de recherche "
            "sur le cancer, avec le soutien de l'INCa. Il est coordonné à Grenoble par le "
            "Pr C. Brambilla."
        ),
        "description_en": (
            "One of the two collaborative projects set up with European cancer research "
            "clusters, supported by INCa. It is coordinated in Grenoble by Prof. C. Brambilla."
        ),
        "themes": ["lung-cancer-biomarkers"],
        "coordinators": ["christian-brambilla"],
        "members": [
            ("universite-grenoble-alpes", "coordinator"),
            ("canceropole-clara", "partner"),
            ("milan-cancer-cluster", "partner"),
            ("inca", "funder"),
        ],
    },
    {
        "slug": "lausanne-dependence-receptors",
        "name_fr": "Programme Lausanne – récepteurs à dépendance et cancer du côlon",
        "name_en": "Lausanne programme – dependence receptors in colon cancer",
        "kind": "cluster_partnership",
        "status": "active",
        "countries": ["CH"],
        "summary_fr": "Projet avec le pôle de recherche sur le cancer de Lausanne sur le rôle des récepteurs à dépendance dans le cancer du côlon.",
        "summary_en": "Project with the Lausanne cancer research cluster on the role of dependence receptors in colon cancer.",
        "description_fr": (
            "Second projet collaboratif avec un cluster européen, soutenu par l'INCa et coordonné "
            "à Lyon par le Dr P. Mehlen."
        ),
        "description_en": (
            "The second collaborative project with a European cluster, supported by INCa and "
            "coordinated in Lyon by Dr P. Mehlen."
        ),
        "themes": ["dependence-receptors-colon-cancer"],
        "coordinators": ["patrick-mehlen"],
        "members": [
            ("crcl", "coordinator"),
            ("canceropole-clara", "partner"),
            ("lausanne-cancer-cluster", "partner"),
            ("inca", "funder"),
        ],
    },
    {
        "slug": "nano2life",
        "name_fr": "Nano2Life",
        "name_en": "Nano2Life",
        "kind": "european_project",
        "status": "active",
        "summary_fr": "Programme européen sur les nanobiotechnologies, coordonné à Grenoble par Patrick Boisseau.",
        "summary_en": "European programme on nanobiotechnology, coordinated in Grenoble by Patrick Boisseau.",
        "description_fr": "L'un des programmes phares de recherche et d'organisation soutenus par la Communauté européenne auxquels CLARA prend part.",
        "description_en": "One of the flagship research and organisation programmes supported by the European Community in which CLARA takes part.",
        "themes": ["nanomedicine"],
        "coordinators": ["patrick-boisseau"],
        "members": [("canceropole-clara", "partner"), ("european-commission", "funder")],
    },
    {
        "slug": "conticanet",
        "name_fr": "CONTICANET",
        "name_en": "CONTICANET",
        "kind": "european_project",
        "status": "active",
        "summary_fr": "Réseau européen sur les cancers des tissus conjonctifs, coordonné à Lyon par le Pr Jean-Yves Blay.",
        "summary_en": "European network on connective tissue cancers, coordinated in Lyon by Prof. Jean-Yves Blay.",
        "description_fr": "Programme phare soutenu par la Communauté européenne, auquel CLARA prend part.",
        "description_en": "Flagship programme supported by the European Community in which CLARA takes part.",
        "themes": ["sarcoma"],
        "coordinators": ["jean-yves-blay"],
        "members": [("canceropole-clara", "partner"), ("european-commission", "funder")],
    },
    {
        "slug": "european-cancer-observatory",
        "name_fr": "Observatoire européen du cancer",
        "name_en": "European Cancer Observatory",
        "kind": "european_project",
        "status": "active",
        "summary_fr": "Observatoire coordonné par le CIRC, dont CLARA soutient le développement.",
        "summary_en": "Observatory coordinated by IARC, whose development CLARA supports.",
        "themes": ["cancer-epidemiology"],
        "members": [("iarc", "coordinator"), ("canceropole-clara", "supporter")],
    },
    {
        "slug": "european-lymphoma-institute",
        "name_fr": "Institut européen du lymphome",
        "name_en": "European Lymphoma Institute",
        "acronym": "ELI",
        "kind": "network",
        "status": "active",
        "summary_fr": "Réseau européen sur les lymphomes auquel CLARA a participé.",
        "summary_en": "European lymphoma network in which CLARA has taken part.",
        "themes": ["malignant-lymphoma"],
        "members": [("canceropole-clara", "partner")],
    },
    {
        "slug": "world-sarcoma-network",
        "name_fr": "World Sarcoma Network",
        "name_en": "World Sarcoma Network",
        "acronym": "WSN",
        "kind": "network",
        "status": "active",
        "summary_fr": "Réseau mondial sur les sarcomes auquel CLARA a participé.",
        "summary_en": "Worldwide sarcoma network in which CLARA has taken part.",
        "themes": ["sarcoma"],
        "members": [("canceropole-clara", "partner")],
    },
    {
        "slug": "iarc-dkfz-infectiology",
        "name_fr": "CIRC – DKFZ : cancers d'origine virale",
        "name_en": "IARC – DKFZ: virus-induced cancers",
        "kind": "research_collaboration",
        "status": "active",
        "countries": ["DE"],
        "summary_fr": "Des équipes du CIRC et du DKFZ réunies à Lyon pour accélérer le diagnostic, le traitement et la prévention des cancers d'origine virale.",
        "summary_en": "IARC and DKFZ teams brought together in Lyon to speed up the diagnosis, treatment and prevention of virus-induced cancers.",
        "description_fr": "L'infectiologie est au cœur de la collaboration avec l'Allemagne : deux centres de recherche internationaux mettent leurs équipes en commun à Lyon.",
        "description_en": "Infectiology is at the heart of the collaboration with Germany: two international research centres pool their teams in Lyon.",
        "themes": ["virus-induced-cancers"],
        "members": [
            ("iarc", "host"),
            ("dkfz", "partner"),
            ("canceropole-clara", "supporter"),
        ],
    },
    {
        "slug": "catalonia-nanomedicine",
        "name_fr": "Clusters espagnols : nanomédecine et oncologie",
        "name_en": "Spanish clusters: nanomedicine and oncology",
        "kind": "event_series",
        "status": "active",
        "countries": ["ES"],
        "summary_fr": "Symposium international sur les applications cliniques des nanotechnologies en cancérologie, puis rencontre avec les clusters catalans lors des 7es Journées scientifiques.",
        "summary_en": "International symposium on clinical applications of nanotechnology in oncology, followed by a meeting with Catalan clusters at the 7th Scientific Days.",
        "description_fr": (
            "CLARA, le Cancéropôle Grand Sud-Ouest et l'IBEC ont organisé ensemble un symposium "
            "international sur les applications cliniques des nanotechnologies en cancérologie. "
            "CLARA a prolongé cette dynamique par un temps dédié, lors de la 7e édition de ses "
            "Journées scientifiques, avec les clusters catalans BioNanoMed Catalonia et Oncocat, "
            "pour rapprocher chercheurs et entreprises de la nanomédecine et de l'oncologie et "
            "monter des projets européens."
        ),
        "description_en": (
            "CLARA, the Grand Sud-Ouest Cancer Cluster and IBEC jointly organised an "
            "international symposium on clinical applications of nanotechnology in oncology. "
            "CLARA followed it up with a dedicated session at the 7th edition of its Scientific "
            "Days with the Catalan clusters BioNanoMed Catalonia and Oncocat, to bring "
            "nanomedicine and oncology researchers and companies together and build European "
            "projects."
        ),
        "themes": ["nanomedicine"],
        "members": [
            ("canceropole-clara", "coordinator"),
            ("canceropole-grand-sud-ouest", "partner"),
            ("ibec", "partner"),
            ("bionanomed-catalonia", "partner"),
            ("oncocat", "partner"),
        ],
    },
    {
        "slug": "senegal-delegation",
        "name_fr": "Délégation sénégalaise",
        "name_en": "Senegalese delegation",
        "kind": "delegation_visit",
        "status": "completed",
        "countries": ["SN"],
        "summary_fr": "CLARA a accueilli une délégation sénégalaise venue étudier l'organisation du système de santé français et explorer des partenariats en cancérologie.",
        "summary_en": "CLARA hosted a Senegalese delegation that came to study how the French healthcare system is organised and to explore cancer partnerships.",
        "themes": ["cancer-care-organisation"],
        "members": [("canceropole-clara", "host")],
    },
    {
        "slug": "lyonbiopole",
        "name_fr": "Partenariat Lyonbiopôle – CLARA",
        "name_en": "Lyonbiopôle – CLARA partnership",
        "kind": "cluster_partnership",
        "status": "completed",
        "start_date": D(2013, 1, 1),
        "start_precision": "year",
        "end_date": D(2018, 12, 31),
        "end_precision": "year",
        "summary_fr": "Partenariat engagé en 2013 avec le pôle de compétitivité santé, renforcé par un plan de collaboration courant jusqu'en 2018.",
        "summary_en": "Partnership begun in 2013 with the health competitiveness cluster, strengthened by a collaboration plan running until 2018.",
        "description_fr": (
            "Depuis 2013, Lyonbiopôle et CLARA coordonnent l'animation scientifique et leurs "
            "manifestations pour faire émerger des projets de R&D, et labellisent ces projets par "
            "un comité commun, le GTech. Le plan de collaboration qui les engage jusqu'en 2018 "
            "porte sur trois axes : mettre en réseau les équipes académiques et les industriels, "
            "notamment les PME ; repérer le potentiel d'innovation de toute la région pour que "
            "les innovations atteignent tous les centres qui soignent des patients ; et "
            "renforcer, avec les universités, les formations aux métiers de la cancérologie. "
            "Les deux partenaires ont présenté vingt produits en développement en oncologie, "
            "dans six domaines."
        ),
        "description_en": (
            "Since 2013 Lyonbiopôle and CLARA have coordinated their scientific events to bring "
            "R&D projects forward, and they label those projects through a joint committee, the "
            "GTech. The collaboration plan binding them until 2018 has three strands: networking "
            "academic teams with companies, especially SMEs; identifying innovation potential "
            "across the region so that innovations reach every centre treating patients; and "
            "strengthening, with the universities, training for careers in oncology. The two "
            "partners presented twenty oncology products in development, across six areas."
        ),
        "themes": [
            "diagnostics",
            "imaging-medical-devices",
            "radiotherapy",
            "chemotherapy",
            "immunotherapy",
            "patient-services",
        ],
        "members": [("lyonbiopole", "partner"), ("canceropole-clara", "partner")],
        "figures": [
            {
                "value": 20,
                "label_fr": "produits en développement en oncologie",
                "label_en": "oncology products in development",
                "source_fr": "Industrie Pharma, « Lyonbiopôle et Clara renforcent leur partenariat »",
                "source_en": "Industrie Pharma, “Lyonbiopôle and Clara strengthen their partnership”",
            },
            {
                "value": 6,
                "label_fr": "domaines : diagnostic, imagerie et dispositifs médicaux, radiothérapie, chimiothérapie, immunothérapie, services au patient",
                "label_en": "areas: diagnostics, imaging and medical devices, radiotherapy, chemotherapy, immunotherapy, patient services",
                "source_fr": "Industrie Pharma, « Lyonbiopôle et Clara renforcent leur partenariat »",
                "source_en": "Industrie Pharma, “Lyonbiopôle and Clara strengthen their partnership”",
            },
        ],
    },
]

# Figures about CLARA as a whole (shown on the home page).
CLARA_FIGURES = [
    {
        "value": 30,
        "label_fr": "projets de transfert à fort potentiel",
        "label_en": "transfer projects with strong potential",
        "source_fr": "CLARA, qui sommes-nous",
        "source_en": "CLARA, about us",
    },
    {
        "value": 5,
        "label_fr": "projets de transfert en développement clinique",
        "label_en": "transfer projects in clinical development",
        "source_fr": "CLARA, qui sommes-nous",
        "source_en": "CLARA, about us",
    },
    {
        "value": 1,
        "label_fr": "projet en demande d'autorisation de mise sur le marché",
        "label_en": "project applying for marketing authorisation",
        "source_fr": "CLARA, qui sommes-nous",
        "source_en": "CLARA, about us",
    },
]

AGREEMENTS = [
    {
        "reference": "CRCL-SCI-2013",
        "slug": "crcl-shanghai-cancer-institute-2013",
        "title_fr": "Accord de partenariat CRCL – Shanghai Cancer Institute",
        "title_en": "CRCL – Shanghai Cancer Institute partnership agreement",
        "kind": "partnership",
        "status": "signed",
        "partnership": "clara-international-shanghai",
        "signed_on": D(2013, 1, 1),
        "signed_precision": "year",
        "summary_fr": "Accord signé en 2013 entre le Centre de recherche en cancérologie de Lyon et le Shanghai Cancer Institute, dans le cadre de CLARA International Shanghai.",
        "summary_en": "Agreement signed in 2013 between the Cancer Research Center of Lyon and the Shanghai Cancer Institute, within CLARA International Shanghai.",
        "themes": ["liver-cancer", "cancer-stem-cells"],
        "parties": [{"institution": "crcl"}, {"institution": "shanghai-cancer-institute"}],
    },
    {
        "reference": "ARA-WIS-CLARA",
        "slug": "region-weizmann-clara",
        "title_fr": "Accord de partenariat Région Auvergne-Rhône-Alpes – Institut Weizmann – CLARA",
        "title_en": "Auvergne-Rhône-Alpes Region – Weizmann Institute – CLARA partnership agreement",
        "kind": "partnership",
        "status": "signed",
        "partnership": "weizmann-institute",
        "summary_fr": "Accord tripartite : projets scientifiques communs, conférences conjointes en France et en Israël, échanges de chercheurs, de médecins et d'étudiants.",
        "summary_en": "Three-party agreement: joint scientific projects, joint conferences in France and Israel, exchanges of researchers, physicians and students.",
        "parties": [
            {"institution": "region-auvergne-rhone-alpes"},
            {"institution": "weizmann-institute"},
            {"institution": "canceropole-clara"},
        ],
        "commitments": [
            (
                "joint_research",
                "Développement de projets scientifiques communs",
                "Development of joint scientific projects",
            ),
            (
                "joint_conference",
                "Conférences scientifiques conjointes, tour à tour en France et en Israël",
                "Joint scientific conferences, held in turn in France and in Israel",
            ),
            (
                "exchange",
                "Échanges de chercheurs, de médecins et d'étudiants",
                "Exchanges of researchers, physicians and students",
            ),
        ],
    },
    {
        "reference": "CLARA-ONCOPOLE-2018",
        "slug": "clara-oncopole-quebec-2018",
        "title_fr": "Entente CLARA – Oncopole du Québec",
        "title_en": "CLARA – Quebec Oncopole agreement",
        "kind": "partnership",
        "status": "signed",
        "partnership": "oncopole-quebec",
        "signed_on": D(2018, 3, 8),
        "signed_place": "Hôtel de Matignon, Paris",
        "summary_fr": "Entente conclue le 8 mars 2018 à Paris pour accélérer la lutte contre le cancer par des programmes conjoints, des bourses de mobilité et des symposiums.",
        "summary_en": "Agreement reached in Paris on 8 March 2018 to speed up the fight against cancer through joint programmes, mobility grants and symposia.",
        "themes": ["genomics-precision-medicine", "cell-therapy", "cancer-care-organisation"],
        "parties": [
            {
                "institution": "canceropole-clara",
                "signatory": "veronique-trillet-lenoir",
                "signed_on": D(2018, 3, 8),
            },
            {
                "institution": "oncopole-quebec",
                "signatory": "remi-quirion",
                "signed_on": D(2018, 3, 8),
            },
        ],
        "commitments": [
            ("joint_research", "Programmes de recherche conjoints", "Joint research programmes"),
            (
                "mobility_grant",
                "Investissement commun dans des bourses de mobilité étudiante",
                "Joint investment in student mobility grants",
            ),
            (
                "knowledge_sharing",
                "Partage de connaissances et de bonnes pratiques entre les deux pôles",
                "Sharing of knowledge and good practice between the two hubs",
            ),
            (
                "joint_conference",
                "Symposiums scientifiques réunissant des experts d'Auvergne-Rhône-Alpes et du Québec",
                "Scientific symposia bringing together experts from Auvergne-Rhône-Alpes and Quebec",
            ),
        ],
    },
    {
        "reference": "LYONBIOPOLE-CLARA-2018",
        "slug": "lyonbiopole-clara-plan",
        "title_fr": "Plan de collaboration Lyonbiopôle – CLARA (jusqu'en 2018)",
        "title_en": "Lyonbiopôle – CLARA collaboration plan (until 2018)",
        "kind": "collaboration",
        "status": "signed",
        "partnership": "lyonbiopole",
        "summary_fr": "Nouveau plan de collaboration engageant les deux partenaires jusqu'en 2018 autour de trois axes stratégiques.",
        "summary_en": "New collaboration plan binding the two partners until 2018 around three strategic strands.",
        "parties": [
            {"institution": "lyonbiopole", "signatory": "philippe-archinard"},
            {"institution": "canceropole-clara"},
        ],
        "commitments": [
            (
                "innovation",
                "Mise en réseau des équipes académiques et des industriels, notamment des PME",
                "Networking academic teams with companies, especially SMEs",
            ),
            (
                "innovation",
                "Repérage du potentiel d'innovation dans toute la région",
                "Identifying innovation potential across the region",
            ),
            (
                "training",
                "Renforcement des formations aux métiers de la cancérologie",
                "Strengthening training for careers in oncology",
            ),
        ],
    },
]

MOBILITIES = [
    {
        "key": {"partnership": "clara-international-shanghai", "planned_start": D(2012, 2, 20)},
        "category": "researcher",
        "direction": "outgoing",
        "host_institution": "renji-stem-cell-research-center",
        "host_team": "gao-stem-cell-team",
        "planned_end": D(2012, 6, 19),
        "status": "confirmed",
        "description_fr": "Première mobilité du programme : un chercheur de Rhône-Alpes rejoint pour quatre mois le service du Pr Gao.",
        "description_en": "The programme's first mobility: a researcher from Rhône-Alpes joins Prof. Gao's department for four months.",
    },
]

EVENTS = [
    {
        "slug": "shanghai-rhone-alpes-symposium-2011",
        "title_fr": "1er Shanghai/Rhône-Alpes Symposium on Translational Research in Oncology",
        "title_en": "1st Shanghai/Rhône-Alpes Symposium on Translational Research in Oncology",
        "kind": "symposium",
        "start_date": D(2011, 7, 4),
        "end_date": D(2011, 7, 6),
        "city_fr": "Shanghaï",
        "city_en": "Shanghai",
        "country": "CN",
        "partnership": "clara-international-shanghai",
        "organisers": ["canceropole-clara"],
        "description_fr": "Premier colloque du programme, où ont été identifiés les six thèmes de collaboration.",
        "description_en": "The programme's first symposium, where the six collaboration themes were identified.",
    },
    {
        "slug": "shanghai-rhone-alpes-symposium-2012",
        "title_fr": "2e Shanghai/Rhône-Alpes Symposium on Translational Research in Oncology",
        "title_en": "2nd Shanghai/Rhône-Alpes Symposium on Translational Research in Oncology",
        "kind": "symposium",
        "start_date": D(2012, 1, 1),
        "date_precision": "year",
        "city_fr": "Lyon",
        "city_en": "Lyon",
        "country": "FR",
        "partnership": "clara-international-shanghai",
        "organisers": ["canceropole-clara"],
        "description_fr": "Second colloque, prévu à Lyon avant la fin 2012 pour faire le bilan de l'action commune.",
        "description_en": "Second symposium, planned in Lyon before the end of 2012 to review the joint work.",
    },
    {
        "slug": "franco-chinese-seminar-3",
        "title_fr": "3e séminaire franco-chinois",
        "title_en": "3rd Franco-Chinese seminar",
        "kind": "seminar",
        "partnership": "clara-international-shanghai",
        "organisers": ["canceropole-clara"],
        "description_fr": "Troisième des séminaires franco-chinois organisés tour à tour à Shanghaï et à Lyon.",
        "description_en": "Third of the Franco-Chinese seminars held in turn in Shanghai and Lyon.",
    },
    {
        "slug": "clara-oncopole-signing-2018",
        "title_fr": "Conclusion de l'entente CLARA – Oncopole du Québec",
        "title_en": "CLARA – Quebec Oncopole agreement concluded",
        "kind": "signing_ceremony",
        "start_date": D(2018, 3, 8),
        "venue_fr": "Hôtel de Matignon",
        "venue_en": "Hôtel de Matignon",
        "city_fr": "Paris",
        "city_en": "Paris",
        "country": "FR",
        "partnership": "oncopole-quebec",
        "organisers": ["canceropole-clara", "oncopole-quebec"],
        "description_fr": "Lors de la Rencontre alternée des Premiers ministres québécois et français.",
        "description_en": "During the alternating meeting of the Quebec and French Prime Ministers.",
    },
    {
        "slug": "clara-oncopole-symposium-2018",
        "title_fr": "Premier symposium CLARA – Oncopole, Entretiens Jacques Cartier",
        "title_en": "First CLARA – Oncopole symposium, Entretiens Jacques Cartier",
        "kind": "symposium",
        "start_date": D(2018, 11, 1),
        "date_precision": "month",
        "country": "FR",
        "partnership": "oncopole-quebec",
        "organisers": ["canceropole-clara", "oncopole-quebec"],
        "description_fr": "Premier événement commun, prévu en Auvergne-Rhône-Alpes dans le cadre des Entretiens Jacques Cartier.",
        "description_en": "First joint event, planned in Auvergne-Rhône-Alpes as part of the Entretiens Jacques Cartier.",
    },
    {
        "slug": "nanotechnology-oncology-symposium",
        "title_fr": "Symposium international : applications cliniques des nanotechnologies en cancérologie",
        "title_en": "International symposium: clinical applications of nanotechnology in oncology",
        "kind": "symposium",
        "partnership": "catalonia-nanomedicine",
        "organisers": ["canceropole-clara", "canceropole-grand-sud-ouest", "ibec"],
    },
    {
        "slug": "clara-scientific-days-7",
        "title_fr": "7es Journées scientifiques du CLARA – rencontre avec les clusters catalans",
        "title_en": "7th CLARA Scientific Days – meeting with the Catalan clusters",
        "kind": "scientific_days",
        "partnership": "catalonia-nanomedicine",
        "organisers": ["canceropole-clara", "bionanomed-catalonia", "oncocat"],
        "description_fr": "Temps dédié aux échanges entre chercheurs et entreprises de la nanomédecine et de l'oncologie, en vue de projets européens.",
        "description_en": "A dedicated session for researchers and companies in nanomedicine and oncology, with European projects in view.",
    },
    {
        "slug": "senegalese-delegation-visit",
        "title_fr": "Visite d'une délégation sénégalaise",
        "title_en": "Visit of a Senegalese delegation",
        "kind": "delegation_visit",
        "city_fr": "Lyon",
        "city_en": "Lyon",
        "country": "FR",
        "partnership": "senegal-delegation",
        "organisers": ["canceropole-clara"],
        "description_fr": "Découverte de l'organisation du système de santé français et pistes de partenariat en cancérologie.",
        "description_en": "An introduction to how French healthcare is organised and avenues for cancer partnerships.",
    },
]
