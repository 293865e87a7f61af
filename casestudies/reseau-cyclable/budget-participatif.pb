META
key;value
description;Budget participatif vélo 2025
country;France
unit;Communauté de communes du Val de Lisière
instance;2025
num_projects;12
num_votes;1130
budget;150000
vote_type;approval
rule;greedy
PROJECTS
project_id;cost;name;district
P01;62000;Vélostation sécurisée à la gare;Lisière-sur-Vilaine
P02;48000;Zone apaisée devant le collège;Lisière-sur-Vilaine
P03;14000;Arceaux vélos en centre-bourg;Lisière-sur-Vilaine
P04;22000;Atelier de réparation solidaire;Lisière-sur-Vilaine
P05;9000;Jalonnement de la boucle des étangs;Saint-Aubin-des-Prés
P06;18000;Abri vélos à l'école;Saint-Aubin-des-Prés
P07;55000;Passerelle piétons-vélos sur le ruisseau;Saint-Aubin-des-Prés
P08;30000;Prêt de vélos à assistance électrique;La Chapelle-Fontaine
P09;26000;Éclairage solaire du chemin de halage;La Chapelle-Fontaine
P10;11000;Stationnement vélos à la salle des sports;Montreuil-le-Gué
P11;8000;Vélo-bus pour l'école;Montreuil-le-Gué
P12;12000;Aire de pique-nique cyclistes;Montreuil-le-Gué
VOTES
voter_id;age;district;vote
V0001;60-74 ans;Montreuil-le-Gué;P01,P08,P11
V0002;75 ans ou plus;Lisière-sur-Vilaine;P01,P02
V0003;30-44 ans;Lisière-sur-Vilaine;P01,P03,P04
V0004;15-29 ans;Lisière-sur-Vilaine;P01,P02
V0005;60-74 ans;Lisière-sur-Vilaine;P01,P02,P03
V0006;30-44 ans;Saint-Aubin-des-Prés;P11
V0007;30-44 ans;Lisière-sur-Vilaine;P03
V0008;60-74 ans;La Chapelle-Fontaine;P02,P08,P09
V0009;60-74 ans;Lisière-sur-Vilaine;P01,P02
V0010;45-59 ans;Lisière-sur-Vilaine;P01
V0011;30-44 ans;Saint-Aubin-des-Prés;P05,P07
V0012;75 ans ou plus;Lisière-sur-Vilaine;P02,P04,P11
V0013;75 ans ou plus;La Chapelle-Fontaine;P08
V0014;60-74 ans;Montreuil-le-Gué;P07
V0015;45-59 ans;Saint-Aubin-des-Prés;P01,P04,P07
V0016;75 ans ou plus;Lisière-sur-Vilaine;P02,P03,P06
V0017;45-59 ans;Lisière-sur-Vilaine;P02,P07
V0018;45-59 ans;Lisière-sur-Vilaine;P02,P03
V0019;45-59 ans;Montreuil-le-Gué;P05,P11,P12
V0020;45-59 ans;Lisière-sur-Vilaine;P01,P03,P08
V0021;45-59 ans;La Chapelle-Fontaine;P02,P08,P09
V0022;15-29 ans;Saint-Aubin-des-Prés;P05,P07
V0023;45-59 ans;La Chapelle-Fontaine;P02
V0024;30-44 ans;Saint-Aubin-des-Prés;P02
V0025;15-29 ans;Montreuil-le-Gué;P10,P11
V0026;45-59 ans;Lisière-sur-Vilaine;P01,P02,P03
V0027;45-59 ans;Lisière-sur-Vilaine;P01,P02
V0028;60-74 ans;La Chapelle-Fontaine;P08
V0029;75 ans ou plus;La Chapelle-Fontaine;P08,P09
V0030;15-29 ans;Lisière-sur-Vilaine;P01,P04
V0031;15-29 ans;La Chapelle-Fontaine;P08
V0032;45-59 ans;Saint-Aubin-des-Prés;P06
V0033;60-74 ans;Lisière-sur-Vilaine;P02,P03,P08
V0034;15-29 ans;Lisière-sur-Vilaine;P01,P02,P03
V0035;15-29 ans;Lisière-sur-Vilaine;P01,P02,P08
V0036;45-59 ans;Lisière-sur-Vilaine;P02,P04,P09
V0037;45-59 ans;Montreuil-le-Gué;P10,P11
V0038;60-74 ans;Montreuil-le-Gué;P10,P11,P12
V0039;30-44 ans;Lisière-sur-Vilaine;P02,P03,P04
V0040;75 ans ou plus;Lisière-sur-Vilaine;P01,P03,P04
V0041;15-29 ans;Saint-Aubin-des-Prés;P04,P05
V0042;75 ans ou plus;Lisière-sur-Vilaine;P01
V0043;30-44 ans;La Chapelle-Fontaine;P04,P08
V0044;15-29 ans;Lisière-sur-Vilaine;P01,P04,P10
V0045;30-44 ans;Lisière-sur-Vilaine;P01,P02,P07
V0046;60-74 ans;Saint-Aubin-des-Prés;P02,P05
V0047;30-44 ans;Lisière-sur-Vilaine;P01,P02,P04
V0048;60-74 ans;Lisière-sur-Vilaine;P02
V0049;15-29 ans;Lisière-sur-Vilaine;P02,P03,P04
V0050;30-44 ans;Montreuil-le-Gué;P05,P10,P12
V0051;30-44 ans;Saint-Aubin-des-Prés;P08
V0052;30-44 ans;La Chapelle-Fontaine;P08,P09
V0053;30-44 ans;Lisière-sur-Vilaine;P01,P03
V0054;15-29 ans;La Chapelle-Fontaine;P06,P08,P09
V0055;15-29 ans;Lisière-sur-Vilaine;P01,P03,P04
V0056;45-59 ans;La Chapelle-Fontaine;P02
V0057;60-74 ans;Lisière-sur-Vilaine;P01,P02
V0058;30-44 ans;Lisière-sur-Vilaine;P01
V0059;30-44 ans;Lisière-sur-Vilaine;P01,P02,P09
V0060;45-59 ans;Lisière-sur-Vilaine;P01,P04
V0061;30-44 ans;Lisière-sur-Vilaine;P03,P04
V0062;15-29 ans;Lisière-sur-Vilaine;P01
V0063;60-74 ans;Lisière-sur-Vilaine;P01,P03
V0064;15-29 ans;Lisière-sur-Vilaine;P03
V0065;60-74 ans;Montreuil-le-Gué;P05,P10,P11
V0066;75 ans ou plus;Saint-Aubin-des-Prés;P05
V0067;30-44 ans;Lisière-sur-Vilaine;P01,P02,P09
V0068;30-44 ans;Montreuil-le-Gué;P03,P10,P12
V0069;30-44 ans;La Chapelle-Fontaine;P08
V0070;60-74 ans;Saint-Aubin-des-Prés;P05,P06,P08
V0071;75 ans ou plus;Lisière-sur-Vilaine;P01,P02,P07
V0072;75 ans ou plus;La Chapelle-Fontaine;P08,P09
V0073;15-29 ans;Lisière-sur-Vilaine;P04,P07,P10
V0074;15-29 ans;Lisière-sur-Vilaine;P01,P02,P03
V0075;30-44 ans;Lisière-sur-Vilaine;P01
V0076;30-44 ans;Lisière-sur-Vilaine;P01,P03,P09
V0077;15-29 ans;Lisière-sur-Vilaine;P01,P02
V0078;30-44 ans;Saint-Aubin-des-Prés;P01,P06
V0079;60-74 ans;Saint-Aubin-des-Prés;P04,P05,P06
V0080;45-59 ans;Lisière-sur-Vilaine;P01,P02
V0081;45-59 ans;Saint-Aubin-des-Prés;P09
V0082;75 ans ou plus;Lisière-sur-Vilaine;P01,P03,P08
V0083;45-59 ans;Lisière-sur-Vilaine;P02,P03
V0084;45-59 ans;Lisière-sur-Vilaine;P01
V0085;45-59 ans;Lisière-sur-Vilaine;P01,P07
V0086;45-59 ans;Lisière-sur-Vilaine;P01,P02,P12
V0087;15-29 ans;Saint-Aubin-des-Prés;P05
V0088;30-44 ans;Lisière-sur-Vilaine;P03,P04,P06
V0089;15-29 ans;Saint-Aubin-des-Prés;P01,P06,P07
V0090;15-29 ans;Lisière-sur-Vilaine;P01,P03
V0091;30-44 ans;Saint-Aubin-des-Prés;P02,P05
V0092;30-44 ans;Lisière-sur-Vilaine;P02,P04,P07
V0093;30-44 ans;Saint-Aubin-des-Prés;P05,P07
V0094;30-44 ans;Lisière-sur-Vilaine;P02
V0095;30-44 ans;Saint-Aubin-des-Prés;P05,P12
V0096;45-59 ans;Lisière-sur-Vilaine;P01,P02
V0097;30-44 ans;Lisière-sur-Vilaine;P01,P02,P10
V0098;30-44 ans;Saint-Aubin-des-Prés;P03,P07,P11
V0099;30-44 ans;La Chapelle-Fontaine;P07,P08
V0100;30-44 ans;Saint-Aubin-des-Prés;P06,P08
V0101;60-74 ans;Lisière-sur-Vilaine;P01,P03
V0102;15-29 ans;La Chapelle-Fontaine;P08
V0103;30-44 ans;Lisière-sur-Vilaine;P11
V0104;45-59 ans;Saint-Aubin-des-Prés;P05,P06,P07
V0105;30-44 ans;Lisière-sur-Vilaine;P01,P03,P04
V0106;15-29 ans;Lisière-sur-Vilaine;P01,P02
V0107;30-44 ans;Montreuil-le-Gué;P10
V0108;30-44 ans;Lisière-sur-Vilaine;P03
V0109;45-59 ans;Saint-Aubin-des-Prés;P09
V0110;45-59 ans;Lisière-sur-Vilaine;P01,P02,P03
V0111;60-74 ans;Lisière-sur-Vilaine;P01,P02,P03
V0112;45-59 ans;Lisière-sur-Vilaine;P02,P03
V0113;75 ans ou plus;Lisière-sur-Vilaine;P01
V0114;45-59 ans;Montreuil-le-Gué;P08,P10,P11
V0115;15-29 ans;La Chapelle-Fontaine;P01,P08,P09
V0116;30-44 ans;Montreuil-le-Gué;P11,P12
V0117;30-44 ans;Montreuil-le-Gué;P10,P11,P12
V0118;75 ans ou plus;Saint-Aubin-des-Prés;P01,P06,P08
V0119;15-29 ans;Lisière-sur-Vilaine;P02,P03
V0120;75 ans ou plus;Montreuil-le-Gué;P02,P05,P10
V0121;30-44 ans;La Chapelle-Fontaine;P08,P09
V0122;45-59 ans;La Chapelle-Fontaine;P01,P09
V0123;45-59 ans;Saint-Aubin-des-Prés;P06,P08
V0124;75 ans ou plus;Lisière-sur-Vilaine;P01,P02,P04
V0125;60-74 ans;Lisière-sur-Vilaine;P02,P04,P09
V0126;45-59 ans;Lisière-sur-Vilaine;P01,P09
V0127;60-74 ans;Lisière-sur-Vilaine;P02,P03
V0128;30-44 ans;Saint-Aubin-des-Prés;P12
V0129;30-44 ans;Saint-Aubin-des-Prés;P05
V0130;30-44 ans;Saint-Aubin-des-Prés;P01,P06,P07
V0131;45-59 ans;Lisière-sur-Vilaine;P01,P07
V0132;30-44 ans;Saint-Aubin-des-Prés;P05
V0133;75 ans ou plus;Lisière-sur-Vilaine;P01,P03,P07
V0134;45-59 ans;Montreuil-le-Gué;P10,P11,P12
V0135;15-29 ans;Lisière-sur-Vilaine;P03
V0136;30-44 ans;Lisière-sur-Vilaine;P02
V0137;15-29 ans;Lisière-sur-Vilaine;P01,P04
V0138;15-29 ans;Lisière-sur-Vilaine;P03
V0139;75 ans ou plus;Saint-Aubin-des-Prés;P01,P06
V0140;30-44 ans;Lisière-sur-Vilaine;P01,P02,P04
V0141;15-29 ans;Lisière-sur-Vilaine;P01,P02,P03
V0142;60-74 ans;Lisière-sur-Vilaine;P03,P11
V0143;45-59 ans;Lisière-sur-Vilaine;P01,P04
V0144;45-59 ans;Lisière-sur-Vilaine;P01,P02
V0145;45-59 ans;Saint-Aubin-des-Prés;P05,P06,P07
V0146;15-29 ans;La Chapelle-Fontaine;P09
V0147;60-74 ans;Lisière-sur-Vilaine;P01,P03
V0148;45-59 ans;Lisière-sur-Vilaine;P01,P02
V0149;60-74 ans;Lisière-sur-Vilaine;P01,P07,P08
V0150;60-74 ans;La Chapelle-Fontaine;P04,P08
V0151;30-44 ans;Lisière-sur-Vilaine;P01,P04
V0152;60-74 ans;Montreuil-le-Gué;P11
V0153;60-74 ans;Montreuil-le-Gué;P10,P11,P12
V0154;30-44 ans;Lisière-sur-Vilaine;P02,P04
V0155;15-29 ans;Lisière-sur-Vilaine;P01,P02,P03
V0156;15-29 ans;Saint-Aubin-des-Prés;P01,P05,P06
V0157;30-44 ans;Saint-Aubin-des-Prés;P05
V0158;30-44 ans;Lisière-sur-Vilaine;P01,P02
V0159;15-29 ans;Lisière-sur-Vilaine;P01,P05
V0160;75 ans ou plus;Lisière-sur-Vilaine;P02,P03,P04
V0161;60-74 ans;Lisière-sur-Vilaine;P01,P02,P04
V0162;15-29 ans;Lisière-sur-Vilaine;P03,P04
V0163;75 ans ou plus;Lisière-sur-Vilaine;P02
V0164;60-74 ans;La Chapelle-Fontaine;P09
V0165;30-44 ans;Lisière-sur-Vilaine;P01
V0166;30-44 ans;Saint-Aubin-des-Prés;P02,P06,P07
V0167;30-44 ans;La Chapelle-Fontaine;P09,P10
V0168;60-74 ans;Lisière-sur-Vilaine;P01,P02,P04
V0169;75 ans ou plus;Lisière-sur-Vilaine;P02,P03
V0170;30-44 ans;Lisière-sur-Vilaine;P01,P03,P08
V0171;30-44 ans;Montreuil-le-Gué;P11
V0172;45-59 ans;Lisière-sur-Vilaine;P01,P04,P08
V0173;45-59 ans;Lisière-sur-Vilaine;P02,P03
V0174;60-74 ans;Lisière-sur-Vilaine;P03
V0175;30-44 ans;Lisière-sur-Vilaine;P02,P03
V0176;15-29 ans;La Chapelle-Fontaine;P08
V0177;45-59 ans;Lisière-sur-Vilaine;P01,P02,P06
V0178;45-59 ans;Lisière-sur-Vilaine;P02,P03,P04
V0179;30-44 ans;Saint-Aubin-des-Prés;P05,P07
V0180;30-44 ans;Saint-Aubin-des-Prés;P01,P07,P09
V0181;45-59 ans;Saint-Aubin-des-Prés;P05,P06,P07
V0182;30-44 ans;Lisière-sur-Vilaine;P01,P02,P03
V0183;45-59 ans;Lisière-sur-Vilaine;P01,P03,P04
V0184;30-44 ans;Saint-Aubin-des-Prés;P06,P07
V0185;30-44 ans;Saint-Aubin-des-Prés;P03,P05,P07
V0186;45-59 ans;Lisière-sur-Vilaine;P01,P03,P06
V0187;45-59 ans;Saint-Aubin-des-Prés;P01,P05,P07
V0188;75 ans ou plus;Lisière-sur-Vilaine;P02
V0189;30-44 ans;La Chapelle-Fontaine;P08,P09,P12
V0190;60-74 ans;Montreuil-le-Gué;P10,P11,P12
V0191;75 ans ou plus;Saint-Aubin-des-Prés;P06
V0192;30-44 ans;Lisière-sur-Vilaine;P01,P02,P03
V0193;30-44 ans;Lisière-sur-Vilaine;P01,P03
V0194;45-59 ans;Montreuil-le-Gué;P02,P11
V0195;45-59 ans;Lisière-sur-Vilaine;P03,P04,P07
V0196;30-44 ans;Lisière-sur-Vilaine;P01,P09
V0197;15-29 ans;Montreuil-le-Gué;P09,P11,P12
V0198;30-44 ans;La Chapelle-Fontaine;P09
V0199;30-44 ans;Montreuil-le-Gué;P10,P11,P12
V0200;15-29 ans;La Chapelle-Fontaine;P09
V0201;75 ans ou plus;Saint-Aubin-des-Prés;P06
V0202;30-44 ans;Saint-Aubin-des-Prés;P06,P07
V0203;45-59 ans;Lisière-sur-Vilaine;P01
V0204;45-59 ans;Lisière-sur-Vilaine;P01,P02
V0205;15-29 ans;Lisière-sur-Vilaine;P01
V0206;30-44 ans;Saint-Aubin-des-Prés;P05,P06,P07
V0207;15-29 ans;La Chapelle-Fontaine;P08
V0208;75 ans ou plus;Lisière-sur-Vilaine;P03,P04,P05
V0209;15-29 ans;Saint-Aubin-des-Prés;P05
V0210;15-29 ans;La Chapelle-Fontaine;P08
V0211;75 ans ou plus;La Chapelle-Fontaine;P02,P08,P12
V0212;15-29 ans;Lisière-sur-Vilaine;P01,P03,P04
V0213;75 ans ou plus;Lisière-sur-Vilaine;P01,P02,P04
V0214;15-29 ans;La Chapelle-Fontaine;P07,P08,P11
V0215;15-29 ans;Lisière-sur-Vilaine;P01,P04,P06
V0216;60-74 ans;Lisière-sur-Vilaine;P01,P03
V0217;45-59 ans;Lisière-sur-Vilaine;P01,P03
V0218;15-29 ans;Montreuil-le-Gué;P05,P12
V0219;45-59 ans;Lisière-sur-Vilaine;P05,P08
V0220;45-59 ans;Lisière-sur-Vilaine;P01,P02,P06
V0221;30-44 ans;Saint-Aubin-des-Prés;P05,P06,P07
V0222;60-74 ans;Saint-Aubin-des-Prés;P06,P07
V0223;60-74 ans;La Chapelle-Fontaine;P05,P08,P09
V0224;45-59 ans;Lisière-sur-Vilaine;P01,P02,P09
V0225;45-59 ans;Saint-Aubin-des-Prés;P04,P05,P06
V0226;60-74 ans;Saint-Aubin-des-Prés;P05,P06,P07
V0227;60-74 ans;Lisière-sur-Vilaine;P02,P03
V0228;60-74 ans;La Chapelle-Fontaine;P08,P09
V0229;15-29 ans;Lisière-sur-Vilaine;P02,P03,P04
V0230;30-44 ans;Lisière-sur-Vilaine;P03,P04,P12
V0231;30-44 ans;La Chapelle-Fontaine;P01,P04
V0232;45-59 ans;Lisière-sur-Vilaine;P01,P08
V0233;60-74 ans;Lisière-sur-Vilaine;P01,P03
V0234;75 ans ou plus;Saint-Aubin-des-Prés;P04,P05,P07
V0235;15-29 ans;Lisière-sur-Vilaine;P01,P02
V0236;30-44 ans;Lisière-sur-Vilaine;P01
V0237;15-29 ans;Saint-Aubin-des-Prés;P06,P07
V0238;30-44 ans;Lisière-sur-Vilaine;P01
V0239;30-44 ans;Lisière-sur-Vilaine;P03,P04
V0240;15-29 ans;Saint-Aubin-des-Prés;P05
V0241;75 ans ou plus;Lisière-sur-Vilaine;P02
V0242;30-44 ans;Lisière-sur-Vilaine;P01,P02
V0243;45-59 ans;Lisière-sur-Vilaine;P01,P03
V0244;30-44 ans;La Chapelle-Fontaine;P06,P09,P12
V0245;60-74 ans;Lisière-sur-Vilaine;P01,P02,P03
V0246;30-44 ans;Saint-Aubin-des-Prés;P05,P07
V0247;60-74 ans;La Chapelle-Fontaine;P07
V0248;45-59 ans;Saint-Aubin-des-Prés;P05,P07,P10
V0249;60-74 ans;Lisière-sur-Vilaine;P01,P09
V0250;60-74 ans;Lisière-sur-Vilaine;P02,P04,P09
V0251;15-29 ans;Saint-Aubin-des-Prés;P05
V0252;45-59 ans;Lisière-sur-Vilaine;P03
V0253;30-44 ans;Lisière-sur-Vilaine;P01,P02,P03
V0254;15-29 ans;Lisière-sur-Vilaine;P02,P04
V0255;30-44 ans;Lisière-sur-Vilaine;P01,P03
V0256;15-29 ans;Saint-Aubin-des-Prés;P05,P07
V0257;30-44 ans;Lisière-sur-Vilaine;P03,P04,P08
V0258;30-44 ans;Saint-Aubin-des-Prés;P02,P06,P07
V0259;15-29 ans;Saint-Aubin-des-Prés;P04,P06,P07
V0260;75 ans ou plus;Montreuil-le-Gué;P08,P11
V0261;30-44 ans;Saint-Aubin-des-Prés;P06,P07
V0262;30-44 ans;La Chapelle-Fontaine;P08
V0263;15-29 ans;Lisière-sur-Vilaine;P02,P04
V0264;45-59 ans;Saint-Aubin-des-Prés;P07
V0265;45-59 ans;Lisière-sur-Vilaine;P01,P02,P04
V0266;45-59 ans;Montreuil-le-Gué;P11
V0267;75 ans ou plus;Lisière-sur-Vilaine;P01,P04,P05
V0268;45-59 ans;Lisière-sur-Vilaine;P01,P02,P04
V0269;30-44 ans;Lisière-sur-Vilaine;P01,P04,P07
V0270;30-44 ans;Lisière-sur-Vilaine;P03
V0271;15-29 ans;Lisière-sur-Vilaine;P02,P03
V0272;15-29 ans;Lisière-sur-Vilaine;P01,P02,P04
V0273;30-44 ans;Lisière-sur-Vilaine;P08
V0274;15-29 ans;La Chapelle-Fontaine;P09,P12
V0275;75 ans ou plus;La Chapelle-Fontaine;P08,P09
V0276;45-59 ans;Lisière-sur-Vilaine;P02,P03
V0277;75 ans ou plus;La Chapelle-Fontaine;P08
V0278;60-74 ans;Lisière-sur-Vilaine;P01,P02,P03
V0279;60-74 ans;La Chapelle-Fontaine;P08,P09
V0280;75 ans ou plus;La Chapelle-Fontaine;P08,P09
V0281;30-44 ans;Saint-Aubin-des-Prés;P07
V0282;30-44 ans;Saint-Aubin-des-Prés;P05,P07
V0283;60-74 ans;Saint-Aubin-des-Prés;P06
V0284;60-74 ans;La Chapelle-Fontaine;P09
V0285;15-29 ans;Lisière-sur-Vilaine;P01,P02,P03
V0286;30-44 ans;La Chapelle-Fontaine;P04,P08,P09
V0287;60-74 ans;Lisière-sur-Vilaine;P01
V0288;15-29 ans;Lisière-sur-Vilaine;P03,P04,P11
V0289;30-44 ans;Saint-Aubin-des-Prés;P05,P06,P08
V0290;30-44 ans;Lisière-sur-Vilaine;P02,P04,P09
V0291;30-44 ans;Montreuil-le-Gué;P05,P09
V0292;30-44 ans;Saint-Aubin-des-Prés;P03
V0293;60-74 ans;Saint-Aubin-des-Prés;P05,P07,P12
V0294;45-59 ans;Lisière-sur-Vilaine;P01,P02,P04
V0295;30-44 ans;Montreuil-le-Gué;P11,P12
V0296;60-74 ans;Lisière-sur-Vilaine;P02
V0297;30-44 ans;La Chapelle-Fontaine;P02,P04,P09
V0298;15-29 ans;Montreuil-le-Gué;P04,P05,P11
V0299;45-59 ans;Lisière-sur-Vilaine;P01,P02
V0300;60-74 ans;La Chapelle-Fontaine;P09
V0301;30-44 ans;Lisière-sur-Vilaine;P01,P06,P08
V0302;30-44 ans;Lisière-sur-Vilaine;P01,P03,P09
V0303;45-59 ans;Saint-Aubin-des-Prés;P05
V0304;45-59 ans;Montreuil-le-Gué;P08,P10,P12
V0305;45-59 ans;Lisière-sur-Vilaine;P01,P10
V0306;30-44 ans;Saint-Aubin-des-Prés;P03,P06,P08
V0307;15-29 ans;Saint-Aubin-des-Prés;P05,P06,P07
V0308;15-29 ans;Lisière-sur-Vilaine;P01,P08
V0309;75 ans ou plus;La Chapelle-Fontaine;P04,P08,P09
V0310;45-59 ans;Lisière-sur-Vilaine;P02,P08
V0311;45-59 ans;Saint-Aubin-des-Prés;P07,P08
V0312;45-59 ans;Lisière-sur-Vilaine;P02,P04
V0313;15-29 ans;Lisière-sur-Vilaine;P01,P02,P05
V0314;30-44 ans;Lisière-sur-Vilaine;P01,P03,P04
V0315;30-44 ans;Montreuil-le-Gué;P12
V0316;45-59 ans;Lisière-sur-Vilaine;P01,P02,P03
V0317;30-44 ans;Lisière-sur-Vilaine;P03,P04,P09
V0318;30-44 ans;Lisière-sur-Vilaine;P01,P04,P09
V0319;30-44 ans;Lisière-sur-Vilaine;P01,P04
V0320;30-44 ans;Lisière-sur-Vilaine;P02,P03,P08
V0321;15-29 ans;Saint-Aubin-des-Prés;P01,P05,P06
V0322;30-44 ans;Lisière-sur-Vilaine;P01
V0323;15-29 ans;Saint-Aubin-des-Prés;P06,P07
V0324;30-44 ans;Lisière-sur-Vilaine;P01,P04,P07
V0325;45-59 ans;La Chapelle-Fontaine;P09
V0326;30-44 ans;Lisière-sur-Vilaine;P01,P09
V0327;45-59 ans;Montreuil-le-Gué;P08,P10,P11
V0328;30-44 ans;Lisière-sur-Vilaine;P01,P07
V0329;60-74 ans;Lisière-sur-Vilaine;P02,P03
V0330;30-44 ans;Lisière-sur-Vilaine;P02,P04
V0331;30-44 ans;Lisière-sur-Vilaine;P01,P02,P10
V0332;60-74 ans;Saint-Aubin-des-Prés;P04,P06,P07
V0333;30-44 ans;Lisière-sur-Vilaine;P01,P02,P04
V0334;30-44 ans;Montreuil-le-Gué;P10,P11,P12
V0335;30-44 ans;Lisière-sur-Vilaine;P02,P03
V0336;30-44 ans;Lisière-sur-Vilaine;P04
V0337;75 ans ou plus;Lisière-sur-Vilaine;P01,P02
V0338;30-44 ans;Lisière-sur-Vilaine;P02,P03
V0339;45-59 ans;Montreuil-le-Gué;P04,P10,P11
V0340;75 ans ou plus;Lisière-sur-Vilaine;P01,P03
V0341;15-29 ans;La Chapelle-Fontaine;P08,P09
V0342;30-44 ans;La Chapelle-Fontaine;P08
V0343;45-59 ans;Lisière-sur-Vilaine;P02,P04,P06
V0344;30-44 ans;Lisière-sur-Vilaine;P03
V0345;15-29 ans;La Chapelle-Fontaine;P09,P12
V0346;30-44 ans;La Chapelle-Fontaine;P01,P09
V0347;60-74 ans;Lisière-sur-Vilaine;P02,P03
V0348;30-44 ans;Lisière-sur-Vilaine;P01
V0349;45-59 ans;Saint-Aubin-des-Prés;P05,P06,P09
V0350;15-29 ans;Lisière-sur-Vilaine;P02,P03
V0351;15-29 ans;La Chapelle-Fontaine;P01,P04,P09
V0352;45-59 ans;Montreuil-le-Gué;P11
V0353;45-59 ans;Lisière-sur-Vilaine;P03,P08,P09
V0354;30-44 ans;Lisière-sur-Vilaine;P01,P02,P04
V0355;30-44 ans;Montreuil-le-Gué;P10
V0356;15-29 ans;Lisière-sur-Vilaine;P01,P02
V0357;45-59 ans;Lisière-sur-Vilaine;P01,P03,P05
V0358;30-44 ans;Lisière-sur-Vilaine;P01
V0359;15-29 ans;Lisière-sur-Vilaine;P01,P03,P04
V0360;75 ans ou plus;Lisière-sur-Vilaine;P01,P02,P12
V0361;30-44 ans;Montreuil-le-Gué;P10,P11
V0362;15-29 ans;Lisière-sur-Vilaine;P03,P04,P08
V0363;75 ans ou plus;Lisière-sur-Vilaine;P01
V0364;30-44 ans;Lisière-sur-Vilaine;P01,P03
V0365;60-74 ans;Lisière-sur-Vilaine;P02
V0366;45-59 ans;Lisière-sur-Vilaine;P01,P02
V0367;45-59 ans;Saint-Aubin-des-Prés;P05,P06
V0368;30-44 ans;Lisière-sur-Vilaine;P02,P03
V0369;45-59 ans;Montreuil-le-Gué;P11,P12
V0370;45-59 ans;Lisière-sur-Vilaine;P01,P03,P04
V0371;30-44 ans;Montreuil-le-Gué;P10,P11,P12
V0372;30-44 ans;Lisière-sur-Vilaine;P01,P07
V0373;45-59 ans;Lisière-sur-Vilaine;P01,P03
V0374;30-44 ans;Saint-Aubin-des-Prés;P04,P05,P06
V0375;45-59 ans;Montreuil-le-Gué;P10,P11,P12
V0376;45-59 ans;Montreuil-le-Gué;P04,P09,P10
V0377;45-59 ans;Lisière-sur-Vilaine;P01,P02,P06
V0378;30-44 ans;Lisière-sur-Vilaine;P01,P03
V0379;45-59 ans;Saint-Aubin-des-Prés;P05,P06,P07
V0380;45-59 ans;La Chapelle-Fontaine;P03,P08,P09
V0381;45-59 ans;Lisière-sur-Vilaine;P01,P02
V0382;60-74 ans;Lisière-sur-Vilaine;P06
V0383;30-44 ans;Lisière-sur-Vilaine;P01,P03,P07
V0384;45-59 ans;Lisière-sur-Vilaine;P01,P02,P04
V0385;15-29 ans;Lisière-sur-Vilaine;P01
V0386;60-74 ans;Montreuil-le-Gué;P11
V0387;45-59 ans;Lisière-sur-Vilaine;P01
V0388;45-59 ans;Lisière-sur-Vilaine;P02,P03,P10
V0389;75 ans ou plus;La Chapelle-Fontaine;P03,P09,P12
V0390;45-59 ans;Lisière-sur-Vilaine;P02,P04,P05
V0391;30-44 ans;Saint-Aubin-des-Prés;P02,P05,P07
V0392;45-59 ans;Lisière-sur-Vilaine;P02,P03,P07
V0393;15-29 ans;Lisière-sur-Vilaine;P01,P02,P04
V0394;15-29 ans;La Chapelle-Fontaine;P08
V0395;30-44 ans;Lisière-sur-Vilaine;P02,P03,P04
V0396;30-44 ans;Montreuil-le-Gué;P06,P11
V0397;30-44 ans;Saint-Aubin-des-Prés;P06
V0398;45-59 ans;Lisière-sur-Vilaine;P01,P03,P12
V0399;30-44 ans;Lisière-sur-Vilaine;P01,P03,P11
V0400;15-29 ans;Lisière-sur-Vilaine;P02,P09
V0401;15-29 ans;Saint-Aubin-des-Prés;P07
V0402;30-44 ans;Lisière-sur-Vilaine;P01,P03,P09
V0403;75 ans ou plus;Lisière-sur-Vilaine;P02
V0404;45-59 ans;Montreuil-le-Gué;P05
V0405;30-44 ans;Montreuil-le-Gué;P11,P12
V0406;30-44 ans;Lisière-sur-Vilaine;P01,P02,P07
V0407;30-44 ans;Montreuil-le-Gué;P03,P11,P12
V0408;45-59 ans;La Chapelle-Fontaine;P08
V0409;30-44 ans;Lisière-sur-Vilaine;P01,P02,P12
V0410;75 ans ou plus;Lisière-sur-Vilaine;P04,P05,P07
V0411;30-44 ans;Lisière-sur-Vilaine;P02,P08
V0412;15-29 ans;Saint-Aubin-des-Prés;P01,P05,P08
V0413;30-44 ans;Lisière-sur-Vilaine;P01,P03,P04
V0414;15-29 ans;La Chapelle-Fontaine;P05,P08
V0415;30-44 ans;Lisière-sur-Vilaine;P01,P02,P03
V0416;45-59 ans;Montreuil-le-Gué;P07,P11,P12
V0417;30-44 ans;La Chapelle-Fontaine;P05,P09
V0418;45-59 ans;Lisière-sur-Vilaine;P01,P11
V0419;15-29 ans;Lisière-sur-Vilaine;P01,P02,P11
V0420;30-44 ans;Lisière-sur-Vilaine;P02,P03
V0421;45-59 ans;Saint-Aubin-des-Prés;P05,P07
V0422;60-74 ans;Lisière-sur-Vilaine;P03,P08
V0423;45-59 ans;Lisière-sur-Vilaine;P02,P04
V0424;45-59 ans;Lisière-sur-Vilaine;P01,P03,P05
V0425;45-59 ans;Lisière-sur-Vilaine;P01,P02
V0426;60-74 ans;Lisière-sur-Vilaine;P01,P03,P08
V0427;75 ans ou plus;Lisière-sur-Vilaine;P02,P03
V0428;75 ans ou plus;Lisière-sur-Vilaine;P01,P02
V0429;45-59 ans;Montreuil-le-Gué;P10,P11
V0430;45-59 ans;Saint-Aubin-des-Prés;P05,P07,P08
V0431;15-29 ans;Lisière-sur-Vilaine;P01,P02,P05
V0432;15-29 ans;Lisière-sur-Vilaine;P04,P06,P09
V0433;60-74 ans;Montreuil-le-Gué;P10,P11
V0434;45-59 ans;Lisière-sur-Vilaine;P01,P03
V0435;60-74 ans;Lisière-sur-Vilaine;P01,P02
V0436;30-44 ans;Lisière-sur-Vilaine;P01,P02
V0437;60-74 ans;Lisière-sur-Vilaine;P03,P12
V0438;45-59 ans;Lisière-sur-Vilaine;P07
V0439;30-44 ans;Lisière-sur-Vilaine;P01,P03
V0440;75 ans ou plus;La Chapelle-Fontaine;P08,P09
V0441;30-44 ans;Montreuil-le-Gué;P08,P10,P12
V0442;60-74 ans;Saint-Aubin-des-Prés;P01,P03,P07
V0443;75 ans ou plus;Lisière-sur-Vilaine;P01,P02,P04
V0444;60-74 ans;Lisière-sur-Vilaine;P03
V0445;60-74 ans;Saint-Aubin-des-Prés;P04,P06,P07
V0446;45-59 ans;Lisière-sur-Vilaine;P02,P03
V0447;45-59 ans;La Chapelle-Fontaine;P01
V0448;60-74 ans;Lisière-sur-Vilaine;P01,P02,P03
V0449;30-44 ans;Saint-Aubin-des-Prés;P04,P07,P09
V0450;30-44 ans;Lisière-sur-Vilaine;P01,P02,P04
V0451;60-74 ans;Saint-Aubin-des-Prés;P02,P05,P07
V0452;15-29 ans;Montreuil-le-Gué;P10,P11
V0453;15-29 ans;Saint-Aubin-des-Prés;P06
V0454;45-59 ans;Saint-Aubin-des-Prés;P06
V0455;45-59 ans;Saint-Aubin-des-Prés;P05,P06,P07
V0456;75 ans ou plus;Saint-Aubin-des-Prés;P06
V0457;15-29 ans;Montreuil-le-Gué;P07,P12
V0458;60-74 ans;La Chapelle-Fontaine;P04,P08
V0459;30-44 ans;Lisière-sur-Vilaine;P02
V0460;45-59 ans;Lisière-sur-Vilaine;P02
V0461;45-59 ans;Montreuil-le-Gué;P12
V0462;45-59 ans;Lisière-sur-Vilaine;P01,P02,P03
V0463;30-44 ans;Lisière-sur-Vilaine;P01,P03,P04
V0464;30-44 ans;Lisière-sur-Vilaine;P02
V0465;30-44 ans;Lisière-sur-Vilaine;P01,P02,P03
V0466;30-44 ans;Lisière-sur-Vilaine;P01,P04
V0467;45-59 ans;Saint-Aubin-des-Prés;P01,P06,P07
V0468;60-74 ans;Saint-Aubin-des-Prés;P05,P06,P07
V0469;15-29 ans;La Chapelle-Fontaine;P08,P09
V0470;30-44 ans;La Chapelle-Fontaine;P08,P09
V0471;45-59 ans;Montreuil-le-Gué;P10
V0472;30-44 ans;Lisière-sur-Vilaine;P01,P08
V0473;30-44 ans;Saint-Aubin-des-Prés;P05,P06,P07
V0474;15-29 ans;La Chapelle-Fontaine;P08
V0475;60-74 ans;Montreuil-le-Gué;P10,P12
V0476;45-59 ans;Lisière-sur-Vilaine;P03,P04
V0477;45-59 ans;Saint-Aubin-des-Prés;P05,P06,P07
V0478;30-44 ans;Lisière-sur-Vilaine;P02,P04,P07
V0479;15-29 ans;La Chapelle-Fontaine;P08,P09,P12
V0480;30-44 ans;Lisière-sur-Vilaine;P01,P04,P07
V0481;45-59 ans;Saint-Aubin-des-Prés;P03,P05,P06
V0482;60-74 ans;Lisière-sur-Vilaine;P01,P04,P06
V0483;30-44 ans;La Chapelle-Fontaine;P09
V0484;30-44 ans;Lisière-sur-Vilaine;P01,P02,P04
V0485;45-59 ans;Lisière-sur-Vilaine;P02,P04
V0486;45-59 ans;Saint-Aubin-des-Prés;P04,P06,P07
V0487;30-44 ans;Saint-Aubin-des-Prés;P05,P06,P07
V0488;30-44 ans;Lisière-sur-Vilaine;P01,P03
V0489;60-74 ans;Lisière-sur-Vilaine;P02,P04,P12
V0490;30-44 ans;Saint-Aubin-des-Prés;P05,P06,P07
V0491;45-59 ans;La Chapelle-Fontaine;P08
V0492;15-29 ans;Lisière-sur-Vilaine;P01,P03,P04
V0493;45-59 ans;Lisière-sur-Vilaine;P03
V0494;60-74 ans;Montreuil-le-Gué;P08,P10,P11
V0495;45-59 ans;Saint-Aubin-des-Prés;P06,P07
V0496;45-59 ans;Saint-Aubin-des-Prés;P01,P05,P06
V0497;75 ans ou plus;Saint-Aubin-des-Prés;P05,P06
V0498;15-29 ans;Saint-Aubin-des-Prés;P05
V0499;45-59 ans;Lisière-sur-Vilaine;P01,P02,P03
V0500;75 ans ou plus;Saint-Aubin-des-Prés;P05,P07,P12
V0501;30-44 ans;Saint-Aubin-des-Prés;P06,P07
V0502;30-44 ans;La Chapelle-Fontaine;P07,P09
V0503;75 ans ou plus;Lisière-sur-Vilaine;P02,P03,P09
V0504;60-74 ans;La Chapelle-Fontaine;P08,P09
V0505;45-59 ans;La Chapelle-Fontaine;P03,P09
V0506;15-29 ans;Saint-Aubin-des-Prés;P01,P06,P07
V0507;15-29 ans;Lisière-sur-Vilaine;P02
V0508;60-74 ans;La Chapelle-Fontaine;P06
V0509;30-44 ans;Lisière-sur-Vilaine;P02,P03,P09
V0510;75 ans ou plus;La Chapelle-Fontaine;P08,P09,P12
V0511;60-74 ans;Montreuil-le-Gué;P06,P10,P11
V0512;30-44 ans;Lisière-sur-Vilaine;P03,P05,P07
V0513;30-44 ans;La Chapelle-Fontaine;P01,P07,P09
V0514;60-74 ans;Montreuil-le-Gué;P10,P12
V0515;60-74 ans;Saint-Aubin-des-Prés;P06,P07,P09
V0516;60-74 ans;La Chapelle-Fontaine;P08
V0517;60-74 ans;La Chapelle-Fontaine;P08,P09
V0518;60-74 ans;Lisière-sur-Vilaine;P03
V0519;30-44 ans;Lisière-sur-Vilaine;P01,P02,P04
V0520;60-74 ans;Lisière-sur-Vilaine;P01,P12
V0521;75 ans ou plus;Lisière-sur-Vilaine;P01,P02,P06
V0522;30-44 ans;Lisière-sur-Vilaine;P02,P03,P04
V0523;45-59 ans;Lisière-sur-Vilaine;P02
V0524;15-29 ans;Lisière-sur-Vilaine;P02,P03,P10
V0525;45-59 ans;Saint-Aubin-des-Prés;P04,P07,P08
V0526;30-44 ans;Lisière-sur-Vilaine;P01
V0527;75 ans ou plus;Lisière-sur-Vilaine;P02,P03,P04
V0528;30-44 ans;Lisière-sur-Vilaine;P02,P03,P04
V0529;45-59 ans;Montreuil-le-Gué;P03
V0530;60-74 ans;Lisière-sur-Vilaine;P02,P03,P04
V0531;60-74 ans;Lisière-sur-Vilaine;P04,P08
V0532;30-44 ans;Lisière-sur-Vilaine;P01,P02,P03
V0533;60-74 ans;Lisière-sur-Vilaine;P02
V0534;30-44 ans;Lisière-sur-Vilaine;P01,P04,P12
V0535;60-74 ans;Lisière-sur-Vilaine;P01,P07
V0536;30-44 ans;Lisière-sur-Vilaine;P02,P03
V0537;45-59 ans;Lisière-sur-Vilaine;P01,P04,P07
V0538;60-74 ans;Lisière-sur-Vilaine;P01,P02,P08
V0539;30-44 ans;Saint-Aubin-des-Prés;P05,P06
V0540;45-59 ans;Saint-Aubin-des-Prés;P03,P05
V0541;45-59 ans;Saint-Aubin-des-Prés;P05,P06,P10
V0542;30-44 ans;La Chapelle-Fontaine;P05,P06,P09
V0543;45-59 ans;Lisière-sur-Vilaine;P01,P07,P08
V0544;60-74 ans;La Chapelle-Fontaine;P05,P06,P08
V0545;15-29 ans;Lisière-sur-Vilaine;P03
V0546;30-44 ans;Lisière-sur-Vilaine;P01,P02,P04
V0547;45-59 ans;Lisière-sur-Vilaine;P01,P03
V0548;15-29 ans;Saint-Aubin-des-Prés;P08
V0549;30-44 ans;Lisière-sur-Vilaine;P01,P02,P04
V0550;45-59 ans;Saint-Aubin-des-Prés;P07
V0551;30-44 ans;Lisière-sur-Vilaine;P02,P03,P04
V0552;30-44 ans;Lisière-sur-Vilaine;P01,P02,P09
V0553;45-59 ans;Saint-Aubin-des-Prés;P01,P05,P06
V0554;30-44 ans;Lisière-sur-Vilaine;P02,P06,P07
V0555;45-59 ans;Lisière-sur-Vilaine;P02,P03
V0556;60-74 ans;Lisière-sur-Vilaine;P02
V0557;15-29 ans;Saint-Aubin-des-Prés;P05
V0558;15-29 ans;Montreuil-le-Gué;P11
V0559;15-29 ans;Lisière-sur-Vilaine;P01,P02,P08
V0560;15-29 ans;Lisière-sur-Vilaine;P01,P03
V0561;45-59 ans;Lisière-sur-Vilaine;P01,P02
V0562;30-44 ans;La Chapelle-Fontaine;P01,P07,P08
V0563;45-59 ans;Saint-Aubin-des-Prés;P05
V0564;30-44 ans;Lisière-sur-Vilaine;P01,P02,P04
V0565;30-44 ans;Saint-Aubin-des-Prés;P06
V0566;45-59 ans;Lisière-sur-Vilaine;P02
V0567;60-74 ans;Lisière-sur-Vilaine;P01
V0568;30-44 ans;Lisière-sur-Vilaine;P01,P03,P08
V0569;15-29 ans;Lisière-sur-Vilaine;P09
V0570;45-59 ans;Montreuil-le-Gué;P12
V0571;30-44 ans;La Chapelle-Fontaine;P08
V0572;15-29 ans;Lisière-sur-Vilaine;P01,P02,P04
V0573;60-74 ans;Saint-Aubin-des-Prés;P05,P08
V0574;30-44 ans;La Chapelle-Fontaine;P08
V0575;75 ans ou plus;Lisière-sur-Vilaine;P02,P05
V0576;30-44 ans;Lisière-sur-Vilaine;P01,P02
V0577;45-59 ans;Lisière-sur-Vilaine;P07,P09
V0578;15-29 ans;La Chapelle-Fontaine;P08,P12
V0579;45-59 ans;Lisière-sur-Vilaine;P02,P04,P05
V0580;60-74 ans;Lisière-sur-Vilaine;P01
V0581;60-74 ans;Lisière-sur-Vilaine;P01,P03,P04
V0582;30-44 ans;Saint-Aubin-des-Prés;P05,P07,P12
V0583;45-59 ans;Saint-Aubin-des-Prés;P05,P06,P09
V0584;15-29 ans;Lisière-sur-Vilaine;P01,P03
V0585;45-59 ans;Montreuil-le-Gué;P01,P09,P11
V0586;45-59 ans;Lisière-sur-Vilaine;P03
V0587;45-59 ans;Lisière-sur-Vilaine;P01,P02,P03
V0588;30-44 ans;Lisière-sur-Vilaine;P04
V0589;45-59 ans;Lisière-sur-Vilaine;P02,P03,P04
V0590;30-44 ans;Lisière-sur-Vilaine;P03
V0591;15-29 ans;Lisière-sur-Vilaine;P02,P03,P04
V0592;30-44 ans;Lisière-sur-Vilaine;P01,P02,P04
V0593;45-59 ans;La Chapelle-Fontaine;P08,P09
V0594;15-29 ans;Lisière-sur-Vilaine;P01,P02,P03
V0595;45-59 ans;Lisière-sur-Vilaine;P01,P04
V0596;60-74 ans;Lisière-sur-Vilaine;P02,P08
V0597;75 ans ou plus;Saint-Aubin-des-Prés;P05,P06,P07
V0598;75 ans ou plus;Lisière-sur-Vilaine;P02,P03,P04
V0599;15-29 ans;Lisière-sur-Vilaine;P02,P03,P08
V0600;30-44 ans;Saint-Aubin-des-Prés;P06,P07,P09
V0601;45-59 ans;Saint-Aubin-des-Prés;P05,P06,P07
V0602;60-74 ans;Saint-Aubin-des-Prés;P06,P09
V0603;45-59 ans;Lisière-sur-Vilaine;P01,P03
V0604;15-29 ans;Lisière-sur-Vilaine;P01,P02,P03
V0605;30-44 ans;Montreuil-le-Gué;P04,P06
V0606;60-74 ans;Saint-Aubin-des-Prés;P01,P06,P07
V0607;45-59 ans;Lisière-sur-Vilaine;P01
V0608;15-29 ans;Saint-Aubin-des-Prés;P05,P06,P07
V0609;30-44 ans;Saint-Aubin-des-Prés;P04,P05
V0610;60-74 ans;Saint-Aubin-des-Prés;P06
V0611;45-59 ans;Saint-Aubin-des-Prés;P05,P06
V0612;45-59 ans;Saint-Aubin-des-Prés;P05,P09,P12
V0613;45-59 ans;Lisière-sur-Vilaine;P02,P03
V0614;60-74 ans;Saint-Aubin-des-Prés;P06,P07,P09
V0615;45-59 ans;Lisière-sur-Vilaine;P01,P04
V0616;30-44 ans;Saint-Aubin-des-Prés;P05,P06,P09
V0617;30-44 ans;La Chapelle-Fontaine;P07,P08,P09
V0618;30-44 ans;Saint-Aubin-des-Prés;P06,P07
V0619;30-44 ans;Lisière-sur-Vilaine;P02,P04,P05
V0620;60-74 ans;Lisière-sur-Vilaine;P01,P02,P03
V0621;45-59 ans;Lisière-sur-Vilaine;P01,P02,P04
V0622;15-29 ans;Lisière-sur-Vilaine;P04,P05,P12
V0623;30-44 ans;Saint-Aubin-des-Prés;P04,P05,P10
V0624;60-74 ans;Lisière-sur-Vilaine;P02,P03,P04
V0625;60-74 ans;Lisière-sur-Vilaine;P02
V0626;45-59 ans;Saint-Aubin-des-Prés;P04
V0627;45-59 ans;Lisière-sur-Vilaine;P01,P03
V0628;30-44 ans;La Chapelle-Fontaine;P09
V0629;45-59 ans;Saint-Aubin-des-Prés;P01,P02
V0630;60-74 ans;Lisière-sur-Vilaine;P02
V0631;60-74 ans;Lisière-sur-Vilaine;P01,P03,P04
V0632;15-29 ans;Saint-Aubin-des-Prés;P05,P06,P07
V0633;45-59 ans;Lisière-sur-Vilaine;P01,P02,P03
V0634;30-44 ans;Lisière-sur-Vilaine;P01,P02,P03
V0635;30-44 ans;Lisière-sur-Vilaine;P01
V0636;30-44 ans;Lisière-sur-Vilaine;P01,P08
V0637;15-29 ans;Lisière-sur-Vilaine;P02,P03,P09
V0638;15-29 ans;Saint-Aubin-des-Prés;P01,P06,P07
V0639;45-59 ans;Lisière-sur-Vilaine;P01
V0640;15-29 ans;Montreuil-le-Gué;P11
V0641;45-59 ans;Lisière-sur-Vilaine;P01,P02,P03
V0642;60-74 ans;La Chapelle-Fontaine;P08
V0643;60-74 ans;Lisière-sur-Vilaine;P01,P02,P08
V0644;60-74 ans;Lisière-sur-Vilaine;P01,P02
V0645;30-44 ans;Montreuil-le-Gué;P10
V0646;30-44 ans;Saint-Aubin-des-Prés;P05,P06,P07
V0647;30-44 ans;Lisière-sur-Vilaine;P01,P02
V0648;15-29 ans;Montreuil-le-Gué;P12
V0649;30-44 ans;Lisière-sur-Vilaine;P01,P02
V0650;60-74 ans;Lisière-sur-Vilaine;P01,P02,P10
V0651;30-44 ans;Lisière-sur-Vilaine;P01,P04
V0652;45-59 ans;Lisière-sur-Vilaine;P01,P02,P08
V0653;75 ans ou plus;Saint-Aubin-des-Prés;P05,P07
V0654;15-29 ans;Lisière-sur-Vilaine;P01,P02,P12
V0655;45-59 ans;Lisière-sur-Vilaine;P01,P02
V0656;45-59 ans;Saint-Aubin-des-Prés;P06
V0657;60-74 ans;La Chapelle-Fontaine;P02,P08,P09
V0658;30-44 ans;Lisière-sur-Vilaine;P01,P08
V0659;15-29 ans;Lisière-sur-Vilaine;P01,P06,P08
V0660;45-59 ans;Montreuil-le-Gué;P10,P11
V0661;30-44 ans;Saint-Aubin-des-Prés;P05
V0662;30-44 ans;Lisière-sur-Vilaine;P08
V0663;30-44 ans;La Chapelle-Fontaine;P07,P09
V0664;75 ans ou plus;Lisière-sur-Vilaine;P01,P04
V0665;75 ans ou plus;Lisière-sur-Vilaine;P01,P03
V0666;30-44 ans;La Chapelle-Fontaine;P06,P08
V0667;30-44 ans;Montreuil-le-Gué;P10,P11
V0668;45-59 ans;Saint-Aubin-des-Prés;P06
V0669;30-44 ans;Lisière-sur-Vilaine;P01
V0670;30-44 ans;La Chapelle-Fontaine;P08,P09
V0671;15-29 ans;Lisière-sur-Vilaine;P01,P02,P05
V0672;60-74 ans;Lisière-sur-Vilaine;P02,P12
V0673;30-44 ans;Lisière-sur-Vilaine;P02,P03
V0674;15-29 ans;Lisière-sur-Vilaine;P03,P04
V0675;30-44 ans;Lisière-sur-Vilaine;P03,P04,P09
V0676;30-44 ans;Lisière-sur-Vilaine;P03,P04,P06
V0677;45-59 ans;La Chapelle-Fontaine;P07
V0678;30-44 ans;Lisière-sur-Vilaine;P01,P02
V0679;30-44 ans;Saint-Aubin-des-Prés;P07
V0680;75 ans ou plus;Lisière-sur-Vilaine;P01,P04,P08
V0681;15-29 ans;Lisière-sur-Vilaine;P03,P04
V0682;30-44 ans;Lisière-sur-Vilaine;P01,P03,P04
V0683;15-29 ans;Lisière-sur-Vilaine;P01,P02,P03
V0684;30-44 ans;Lisière-sur-Vilaine;P01,P03
V0685;30-44 ans;Lisière-sur-Vilaine;P01,P03
V0686;45-59 ans;Saint-Aubin-des-Prés;P06,P07,P08
V0687;30-44 ans;La Chapelle-Fontaine;P08
V0688;15-29 ans;La Chapelle-Fontaine;P07
V0689;30-44 ans;Lisière-sur-Vilaine;P01,P02,P06
V0690;30-44 ans;Lisière-sur-Vilaine;P01,P07,P12
V0691;30-44 ans;Lisière-sur-Vilaine;P03
V0692;45-59 ans;Saint-Aubin-des-Prés;P06,P07
V0693;60-74 ans;Lisière-sur-Vilaine;P02
V0694;30-44 ans;Saint-Aubin-des-Prés;P05,P06,P08
V0695;45-59 ans;Lisière-sur-Vilaine;P01,P02,P03
V0696;15-29 ans;Lisière-sur-Vilaine;P01
V0697;45-59 ans;Lisière-sur-Vilaine;P02,P03,P04
V0698;30-44 ans;Lisière-sur-Vilaine;P01
V0699;45-59 ans;Montreuil-le-Gué;P04,P10,P12
V0700;15-29 ans;Montreuil-le-Gué;P02,P11
V0701;75 ans ou plus;Montreuil-le-Gué;P01,P11
V0702;30-44 ans;La Chapelle-Fontaine;P09
V0703;30-44 ans;La Chapelle-Fontaine;P04,P08,P09
V0704;15-29 ans;Lisière-sur-Vilaine;P01,P02
V0705;45-59 ans;Montreuil-le-Gué;P10,P11,P12
V0706;30-44 ans;Lisière-sur-Vilaine;P01
V0707;30-44 ans;Saint-Aubin-des-Prés;P06,P07
V0708;60-74 ans;Lisière-sur-Vilaine;P02,P06,P12
V0709;60-74 ans;Lisière-sur-Vilaine;P02,P04,P06
V0710;30-44 ans;Lisière-sur-Vilaine;P02,P03
V0711;15-29 ans;Montreuil-le-Gué;P04,P11,P12
V0712;30-44 ans;Lisière-sur-Vilaine;P01,P02,P12
V0713;30-44 ans;Saint-Aubin-des-Prés;P05,P06,P07
V0714;15-29 ans;Lisière-sur-Vilaine;P02,P03
V0715;75 ans ou plus;Saint-Aubin-des-Prés;P01,P04,P08
V0716;75 ans ou plus;Saint-Aubin-des-Prés;P06,P09
V0717;60-74 ans;Lisière-sur-Vilaine;P01
V0718;30-44 ans;Saint-Aubin-des-Prés;P05,P06
V0719;15-29 ans;Lisière-sur-Vilaine;P03,P04,P11
V0720;30-44 ans;Saint-Aubin-des-Prés;P05,P06
V0721;30-44 ans;Lisière-sur-Vilaine;P01,P06
V0722;45-59 ans;Saint-Aubin-des-Prés;P01,P05,P06
V0723;30-44 ans;Lisière-sur-Vilaine;P02,P03,P04
V0724;60-74 ans;Montreuil-le-Gué;P10
V0725;75 ans ou plus;La Chapelle-Fontaine;P04,P08,P09
V0726;15-29 ans;Lisière-sur-Vilaine;P02
V0727;45-59 ans;Lisière-sur-Vilaine;P02,P04,P08
V0728;30-44 ans;La Chapelle-Fontaine;P04,P09
V0729;30-44 ans;Lisière-sur-Vilaine;P01,P03
V0730;30-44 ans;Saint-Aubin-des-Prés;P02,P04,P06
V0731;45-59 ans;Lisière-sur-Vilaine;P03
V0732;75 ans ou plus;Montreuil-le-Gué;P11,P12
V0733;75 ans ou plus;Lisière-sur-Vilaine;P01,P02,P03
V0734;75 ans ou plus;Lisière-sur-Vilaine;P07
V0735;30-44 ans;Lisière-sur-Vilaine;P03,P04
V0736;45-59 ans;Lisière-sur-Vilaine;P01,P02
V0737;15-29 ans;Montreuil-le-Gué;P09,P11,P12
V0738;15-29 ans;Lisière-sur-Vilaine;P02,P04
V0739;45-59 ans;La Chapelle-Fontaine;P03,P09
V0740;30-44 ans;Lisière-sur-Vilaine;P01,P03,P07
V0741;15-29 ans;La Chapelle-Fontaine;P08,P09
V0742;30-44 ans;Lisière-sur-Vilaine;P01,P04,P06
V0743;60-74 ans;Saint-Aubin-des-Prés;P01,P09
V0744;60-74 ans;Saint-Aubin-des-Prés;P05,P06
V0745;30-44 ans;Montreuil-le-Gué;P07,P11,P12
V0746;45-59 ans;Lisière-sur-Vilaine;P10
V0747;30-44 ans;Saint-Aubin-des-Prés;P05,P06,P08
V0748;15-29 ans;Saint-Aubin-des-Prés;P04,P05,P10
V0749;30-44 ans;La Chapelle-Fontaine;P06,P08,P09
V0750;30-44 ans;Montreuil-le-Gué;P10,P12
V0751;15-29 ans;Saint-Aubin-des-Prés;P01,P05
V0752;15-29 ans;Lisière-sur-Vilaine;P01,P02
V0753;30-44 ans;Saint-Aubin-des-Prés;P05,P09
V0754;45-59 ans;Lisière-sur-Vilaine;P01,P02,P03
V0755;15-29 ans;Saint-Aubin-des-Prés;P05
V0756;60-74 ans;Saint-Aubin-des-Prés;P02,P05,P07
V0757;30-44 ans;La Chapelle-Fontaine;P09
V0758;30-44 ans;Lisière-sur-Vilaine;P02,P03,P04
V0759;30-44 ans;Lisière-sur-Vilaine;P03
V0760;30-44 ans;Lisière-sur-Vilaine;P01,P04,P07
V0761;75 ans ou plus;Lisière-sur-Vilaine;P02,P03,P04
V0762;45-59 ans;Montreuil-le-Gué;P11
V0763;30-44 ans;Saint-Aubin-des-Prés;P06
V0764;30-44 ans;Lisière-sur-Vilaine;P01,P02,P04
V0765;60-74 ans;Saint-Aubin-des-Prés;P02,P05,P06
V0766;45-59 ans;Lisière-sur-Vilaine;P01,P02,P09
V0767;15-29 ans;Lisière-sur-Vilaine;P02,P03,P08
V0768;75 ans ou plus;Lisière-sur-Vilaine;P01,P02,P03
V0769;45-59 ans;Lisière-sur-Vilaine;P01,P02
V0770;30-44 ans;Lisière-sur-Vilaine;P01,P03
V0771;30-44 ans;Lisière-sur-Vilaine;P01,P05,P07
V0772;30-44 ans;Saint-Aubin-des-Prés;P06,P07,P09
V0773;45-59 ans;Lisière-sur-Vilaine;P02,P03
V0774;15-29 ans;Lisière-sur-Vilaine;P01,P10
V0775;45-59 ans;Lisière-sur-Vilaine;P01,P02,P07
V0776;45-59 ans;Lisière-sur-Vilaine;P02,P03
V0777;45-59 ans;Lisière-sur-Vilaine;P01,P02,P08
V0778;45-59 ans;La Chapelle-Fontaine;P08,P09
V0779;15-29 ans;Saint-Aubin-des-Prés;P05
V0780;60-74 ans;Lisière-sur-Vilaine;P04
V0781;75 ans ou plus;Lisière-sur-Vilaine;P02
V0782;60-74 ans;Lisière-sur-Vilaine;P01
V0783;60-74 ans;Lisière-sur-Vilaine;P01,P02,P03
V0784;45-59 ans;Lisière-sur-Vilaine;P01,P06,P10
V0785;60-74 ans;Saint-Aubin-des-Prés;P05
V0786;45-59 ans;Lisière-sur-Vilaine;P07
V0787;15-29 ans;Montreuil-le-Gué;P05,P06,P11
V0788;30-44 ans;Saint-Aubin-des-Prés;P06,P07,P12
V0789;30-44 ans;Lisière-sur-Vilaine;P03,P07
V0790;30-44 ans;Montreuil-le-Gué;P11,P12
V0791;30-44 ans;Lisière-sur-Vilaine;P01
V0792;75 ans ou plus;Lisière-sur-Vilaine;P01,P02,P07
V0793;30-44 ans;Lisière-sur-Vilaine;P02,P04,P09
V0794;15-29 ans;Saint-Aubin-des-Prés;P05
V0795;45-59 ans;Lisière-sur-Vilaine;P02
V0796;60-74 ans;Saint-Aubin-des-Prés;P01,P05,P07
V0797;30-44 ans;Lisière-sur-Vilaine;P01,P03,P04
V0798;15-29 ans;Lisière-sur-Vilaine;P01,P02,P03
V0799;30-44 ans;Lisière-sur-Vilaine;P08
V0800;60-74 ans;Lisière-sur-Vilaine;P01,P04
V0801;30-44 ans;Lisière-sur-Vilaine;P01,P04,P10
V0802;60-74 ans;La Chapelle-Fontaine;P06,P08,P09
V0803;45-59 ans;Lisière-sur-Vilaine;P01,P02,P09
V0804;45-59 ans;Saint-Aubin-des-Prés;P06,P07
V0805;45-59 ans;Lisière-sur-Vilaine;P01,P02,P03
V0806;30-44 ans;Lisière-sur-Vilaine;P02,P04,P08
V0807;15-29 ans;La Chapelle-Fontaine;P08,P09
V0808;15-29 ans;Lisière-sur-Vilaine;P01,P07
V0809;60-74 ans;Lisière-sur-Vilaine;P01,P03
V0810;15-29 ans;Lisière-sur-Vilaine;P01,P03
V0811;45-59 ans;Lisière-sur-Vilaine;P01,P04
V0812;45-59 ans;Lisière-sur-Vilaine;P02
V0813;15-29 ans;Lisière-sur-Vilaine;P01,P02
V0814;30-44 ans;Saint-Aubin-des-Prés;P05,P06,P07
V0815;30-44 ans;Lisière-sur-Vilaine;P01
V0816;30-44 ans;Saint-Aubin-des-Prés;P05,P06
V0817;45-59 ans;Lisière-sur-Vilaine;P01,P02,P04
V0818;75 ans ou plus;Lisière-sur-Vilaine;P01,P03,P11
V0819;75 ans ou plus;Saint-Aubin-des-Prés;P04,P05,P06
V0820;30-44 ans;Lisière-sur-Vilaine;P03
V0821;45-59 ans;Lisière-sur-Vilaine;P03
V0822;15-29 ans;Lisière-sur-Vilaine;P01,P02
V0823;45-59 ans;Lisière-sur-Vilaine;P01,P03,P04
V0824;15-29 ans;Lisière-sur-Vilaine;P01,P02,P03
V0825;45-59 ans;La Chapelle-Fontaine;P04,P08
V0826;45-59 ans;Lisière-sur-Vilaine;P01,P04,P08
V0827;15-29 ans;Saint-Aubin-des-Prés;P05,P06,P07
V0828;75 ans ou plus;Lisière-sur-Vilaine;P01,P07
V0829;45-59 ans;Lisière-sur-Vilaine;P01,P04
V0830;60-74 ans;Saint-Aubin-des-Prés;P06,P09
V0831;15-29 ans;Lisière-sur-Vilaine;P02,P04,P05
V0832;30-44 ans;Lisière-sur-Vilaine;P01,P02,P03
V0833;15-29 ans;Lisière-sur-Vilaine;P01,P02,P03
V0834;15-29 ans;Lisière-sur-Vilaine;P01,P04,P07
V0835;30-44 ans;Lisière-sur-Vilaine;P01,P04,P06
V0836;45-59 ans;Lisière-sur-Vilaine;P01
V0837;60-74 ans;Lisière-sur-Vilaine;P01,P02,P03
V0838;75 ans ou plus;Lisière-sur-Vilaine;P01,P05,P12
V0839;30-44 ans;Saint-Aubin-des-Prés;P06,P09
V0840;30-44 ans;Lisière-sur-Vilaine;P01,P03,P06
V0841;30-44 ans;Lisière-sur-Vilaine;P01,P10
V0842;30-44 ans;Lisière-sur-Vilaine;P02,P03,P08
V0843;45-59 ans;Lisière-sur-Vilaine;P02
V0844;45-59 ans;Lisière-sur-Vilaine;P01,P02,P03
V0845;30-44 ans;Lisière-sur-Vilaine;P02,P03,P12
V0846;45-59 ans;La Chapelle-Fontaine;P08
V0847;30-44 ans;Lisière-sur-Vilaine;P03,P08,P11
V0848;45-59 ans;Lisière-sur-Vilaine;P01,P02,P03
V0849;45-59 ans;Lisière-sur-Vilaine;P03
V0850;30-44 ans;La Chapelle-Fontaine;P08
V0851;15-29 ans;Lisière-sur-Vilaine;P01,P02,P03
V0852;60-74 ans;Lisière-sur-Vilaine;P02,P04,P05
V0853;45-59 ans;Saint-Aubin-des-Prés;P05
V0854;45-59 ans;Lisière-sur-Vilaine;P02
V0855;15-29 ans;Lisière-sur-Vilaine;P01,P04,P09
V0856;45-59 ans;Saint-Aubin-des-Prés;P06,P07
V0857;15-29 ans;Lisière-sur-Vilaine;P01,P03,P04
V0858;45-59 ans;Lisière-sur-Vilaine;P01,P02,P03
V0859;30-44 ans;Lisière-sur-Vilaine;P01,P02,P07
V0860;45-59 ans;Lisière-sur-Vilaine;P02,P03
V0861;30-44 ans;Saint-Aubin-des-Prés;P05,P06,P07
V0862;45-59 ans;La Chapelle-Fontaine;P08,P09
V0863;15-29 ans;Lisière-sur-Vilaine;P01,P02,P04
V0864;30-44 ans;Saint-Aubin-des-Prés;P06
V0865;45-59 ans;Lisière-sur-Vilaine;P01
V0866;30-44 ans;Montreuil-le-Gué;P10,P11
V0867;45-59 ans;Saint-Aubin-des-Prés;P06
V0868;75 ans ou plus;Saint-Aubin-des-Prés;P06,P07
V0869;60-74 ans;Saint-Aubin-des-Prés;P08
V0870;60-74 ans;Lisière-sur-Vilaine;P02,P08
V0871;45-59 ans;Montreuil-le-Gué;P11,P12
V0872;15-29 ans;Lisière-sur-Vilaine;P01,P02,P05
V0873;15-29 ans;Lisière-sur-Vilaine;P02,P12
V0874;45-59 ans;La Chapelle-Fontaine;P04,P05
V0875;45-59 ans;Lisière-sur-Vilaine;P02,P04,P05
V0876;15-29 ans;Lisière-sur-Vilaine;P01,P04,P08
V0877;30-44 ans;Lisière-sur-Vilaine;P01,P02,P03
V0878;30-44 ans;Lisière-sur-Vilaine;P02,P03
V0879;75 ans ou plus;Lisière-sur-Vilaine;P02,P03
V0880;60-74 ans;La Chapelle-Fontaine;P08
V0881;45-59 ans;Saint-Aubin-des-Prés;P04,P07,P08
V0882;30-44 ans;Lisière-sur-Vilaine;P02,P03
V0883;30-44 ans;Lisière-sur-Vilaine;P01,P05,P10
V0884;45-59 ans;Montreuil-le-Gué;P06,P10
V0885;60-74 ans;Saint-Aubin-des-Prés;P06,P08,P10
V0886;60-74 ans;Lisière-sur-Vilaine;P03,P05,P07
V0887;30-44 ans;Lisière-sur-Vilaine;P07
V0888;45-59 ans;Saint-Aubin-des-Prés;P07
V0889;45-59 ans;Lisière-sur-Vilaine;P01,P12
V0890;75 ans ou plus;Montreuil-le-Gué;P12
V0891;60-74 ans;Lisière-sur-Vilaine;P01,P07,P12
V0892;60-74 ans;Saint-Aubin-des-Prés;P01,P05,P12
V0893;30-44 ans;Lisière-sur-Vilaine;P02,P04
V0894;60-74 ans;Lisière-sur-Vilaine;P02,P03,P08
V0895;75 ans ou plus;Saint-Aubin-des-Prés;P01,P02,P07
V0896;30-44 ans;Montreuil-le-Gué;P12
V0897;30-44 ans;La Chapelle-Fontaine;P07
V0898;45-59 ans;Saint-Aubin-des-Prés;P07
V0899;75 ans ou plus;Lisière-sur-Vilaine;P01,P03
V0900;60-74 ans;Lisière-sur-Vilaine;P01,P02,P03
V0901;60-74 ans;Montreuil-le-Gué;P10,P11,P12
V0902;15-29 ans;Montreuil-le-Gué;P05,P10
V0903;60-74 ans;Lisière-sur-Vilaine;P02,P04
V0904;60-74 ans;La Chapelle-Fontaine;P08
V0905;45-59 ans;Saint-Aubin-des-Prés;P05,P06
V0906;15-29 ans;Lisière-sur-Vilaine;P01,P02,P03
V0907;60-74 ans;Saint-Aubin-des-Prés;P02,P05,P06
V0908;60-74 ans;Lisière-sur-Vilaine;P02,P07,P12
V0909;45-59 ans;Lisière-sur-Vilaine;P02
V0910;30-44 ans;Lisière-sur-Vilaine;P02,P03,P04
V0911;60-74 ans;Lisière-sur-Vilaine;P01,P09
V0912;45-59 ans;Lisière-sur-Vilaine;P01,P04
V0913;45-59 ans;Lisière-sur-Vilaine;P01,P02,P03
V0914;60-74 ans;Saint-Aubin-des-Prés;P02,P07
V0915;75 ans ou plus;Lisière-sur-Vilaine;P02,P03,P04
V0916;15-29 ans;Montreuil-le-Gué;P06,P12
V0917;30-44 ans;Montreuil-le-Gué;P07,P10,P12
V0918;15-29 ans;La Chapelle-Fontaine;P08
V0919;60-74 ans;Saint-Aubin-des-Prés;P01,P05,P06
V0920;45-59 ans;Lisière-sur-Vilaine;P03,P04
V0921;45-59 ans;Lisière-sur-Vilaine;P03,P04
V0922;60-74 ans;Lisière-sur-Vilaine;P01,P06
V0923;30-44 ans;Montreuil-le-Gué;P02,P11,P12
V0924;30-44 ans;Lisière-sur-Vilaine;P01,P04
V0925;60-74 ans;La Chapelle-Fontaine;P08
V0926;45-59 ans;Lisière-sur-Vilaine;P01,P04
V0927;30-44 ans;Saint-Aubin-des-Prés;P05,P09
V0928;30-44 ans;Lisière-sur-Vilaine;P01
V0929;45-59 ans;Lisière-sur-Vilaine;P02,P03,P07
V0930;45-59 ans;Lisière-sur-Vilaine;P01,P02
V0931;30-44 ans;Lisière-sur-Vilaine;P02,P08
V0932;75 ans ou plus;Lisière-sur-Vilaine;P02,P07
V0933;15-29 ans;Lisière-sur-Vilaine;P02,P03,P04
V0934;30-44 ans;Lisière-sur-Vilaine;P01,P03
V0935;75 ans ou plus;Montreuil-le-Gué;P09,P10,P12
V0936;30-44 ans;Montreuil-le-Gué;P10,P12
V0937;15-29 ans;Lisière-sur-Vilaine;P01,P02,P04
V0938;60-74 ans;La Chapelle-Fontaine;P08,P09
V0939;45-59 ans;Saint-Aubin-des-Prés;P05,P06,P07
V0940;45-59 ans;Lisière-sur-Vilaine;P02,P04
V0941;75 ans ou plus;La Chapelle-Fontaine;P01,P08
V0942;60-74 ans;Lisière-sur-Vilaine;P01,P02,P04
V0943;45-59 ans;Lisière-sur-Vilaine;P01,P03,P04
V0944;15-29 ans;Lisière-sur-Vilaine;P01,P04,P10
V0945;45-59 ans;Lisière-sur-Vilaine;P01,P04
V0946;30-44 ans;Saint-Aubin-des-Prés;P05,P07,P12
V0947;60-74 ans;Lisière-sur-Vilaine;P03,P04
V0948;15-29 ans;Lisière-sur-Vilaine;P02,P03,P07
V0949;30-44 ans;Montreuil-le-Gué;P09,P10,P12
V0950;60-74 ans;Lisière-sur-Vilaine;P01,P02,P04
V0951;15-29 ans;La Chapelle-Fontaine;P02,P09
V0952;30-44 ans;Lisière-sur-Vilaine;P01,P02,P05
V0953;45-59 ans;Saint-Aubin-des-Prés;P09
V0954;30-44 ans;Lisière-sur-Vilaine;P01,P02
V0955;15-29 ans;Lisière-sur-Vilaine;P02,P03
V0956;45-59 ans;Lisière-sur-Vilaine;P01,P03,P09
V0957;30-44 ans;Saint-Aubin-des-Prés;P07
V0958;60-74 ans;Lisière-sur-Vilaine;P01,P02
V0959;45-59 ans;Saint-Aubin-des-Prés;P06
V0960;30-44 ans;Montreuil-le-Gué;P11
V0961;30-44 ans;Montreuil-le-Gué;P01,P11,P12
V0962;60-74 ans;La Chapelle-Fontaine;P04,P08,P09
V0963;30-44 ans;Lisière-sur-Vilaine;P03,P04
V0964;30-44 ans;Lisière-sur-Vilaine;P01
V0965;45-59 ans;Lisière-sur-Vilaine;P01,P02,P03
V0966;45-59 ans;Montreuil-le-Gué;P10,P12
V0967;30-44 ans;Saint-Aubin-des-Prés;P06,P07
V0968;30-44 ans;La Chapelle-Fontaine;P01,P03,P08
V0969;60-74 ans;Lisière-sur-Vilaine;P01,P03
V0970;60-74 ans;Lisière-sur-Vilaine;P01,P04,P08
V0971;30-44 ans;La Chapelle-Fontaine;P01,P05,P08
V0972;30-44 ans;Saint-Aubin-des-Prés;P05,P06,P07
V0973;60-74 ans;Lisière-sur-Vilaine;P04,P08
V0974;75 ans ou plus;Saint-Aubin-des-Prés;P05,P06,P07
V0975;30-44 ans;Saint-Aubin-des-Prés;P05,P06,P12
V0976;75 ans ou plus;Lisière-sur-Vilaine;P01,P02
V0977;15-29 ans;La Chapelle-Fontaine;P01
V0978;15-29 ans;Lisière-sur-Vilaine;P02,P07,P08
V0979;60-74 ans;Lisière-sur-Vilaine;P02,P03
V0980;60-74 ans;Lisière-sur-Vilaine;P01,P02
V0981;75 ans ou plus;La Chapelle-Fontaine;P04,P08
V0982;15-29 ans;Lisière-sur-Vilaine;P03
V0983;45-59 ans;Lisière-sur-Vilaine;P04
V0984;30-44 ans;Lisière-sur-Vilaine;P01,P03
V0985;30-44 ans;La Chapelle-Fontaine;P01,P09
V0986;15-29 ans;La Chapelle-Fontaine;P11
V0987;30-44 ans;La Chapelle-Fontaine;P08
V0988;45-59 ans;Lisière-sur-Vilaine;P01,P02,P04
V0989;30-44 ans;La Chapelle-Fontaine;P08,P09
V0990;75 ans ou plus;Lisière-sur-Vilaine;P01,P03,P04
V0991;15-29 ans;Lisière-sur-Vilaine;P02,P04
V0992;30-44 ans;Saint-Aubin-des-Prés;P05,P06,P07
V0993;15-29 ans;Saint-Aubin-des-Prés;P05,P06,P07
V0994;30-44 ans;Lisière-sur-Vilaine;P01,P02,P03
V0995;30-44 ans;Lisière-sur-Vilaine;P02,P03,P12
V0996;45-59 ans;Lisière-sur-Vilaine;P01,P02,P08
V0997;60-74 ans;Lisière-sur-Vilaine;P01,P03,P07
V0998;15-29 ans;Lisière-sur-Vilaine;P02,P03,P04
V0999;30-44 ans;Saint-Aubin-des-Prés;P05,P06,P07
V1000;45-59 ans;Lisière-sur-Vilaine;P01,P02,P04
V1001;45-59 ans;Lisière-sur-Vilaine;P02,P04,P07
V1002;15-29 ans;Saint-Aubin-des-Prés;P03,P06,P07
V1003;60-74 ans;La Chapelle-Fontaine;P08
V1004;60-74 ans;Montreuil-le-Gué;P11,P12
V1005;30-44 ans;Montreuil-le-Gué;P10,P12
V1006;45-59 ans;Saint-Aubin-des-Prés;P05,P07,P08
V1007;45-59 ans;Lisière-sur-Vilaine;P03,P05
V1008;75 ans ou plus;Lisière-sur-Vilaine;P02
V1009;30-44 ans;Lisière-sur-Vilaine;P02,P03
V1010;30-44 ans;Lisière-sur-Vilaine;P04,P09
V1011;45-59 ans;Lisière-sur-Vilaine;P01,P02,P06
V1012;30-44 ans;Saint-Aubin-des-Prés;P06
V1013;45-59 ans;Lisière-sur-Vilaine;P01,P04,P09
V1014;45-59 ans;Lisière-sur-Vilaine;P04,P07,P12
V1015;15-29 ans;Lisière-sur-Vilaine;P02,P03,P04
V1016;15-29 ans;Montreuil-le-Gué;P12
V1017;75 ans ou plus;Saint-Aubin-des-Prés;P06
V1018;60-74 ans;Saint-Aubin-des-Prés;P07
V1019;45-59 ans;Lisière-sur-Vilaine;P02
V1020;15-29 ans;Lisière-sur-Vilaine;P02,P03,P05
V1021;45-59 ans;Lisière-sur-Vilaine;P01
V1022;75 ans ou plus;Lisière-sur-Vilaine;P01,P02,P04
V1023;45-59 ans;La Chapelle-Fontaine;P08
V1024;30-44 ans;Montreuil-le-Gué;P10
V1025;30-44 ans;Lisière-sur-Vilaine;P01,P04
V1026;30-44 ans;Lisière-sur-Vilaine;P02,P03,P04
V1027;15-29 ans;Lisière-sur-Vilaine;P01
V1028;15-29 ans;La Chapelle-Fontaine;P02,P08
V1029;60-74 ans;La Chapelle-Fontaine;P08
V1030;30-44 ans;Lisière-sur-Vilaine;P02,P03
V1031;30-44 ans;Lisière-sur-Vilaine;P01,P02
V1032;75 ans ou plus;Montreuil-le-Gué;P01,P12
V1033;45-59 ans;Montreuil-le-Gué;P01,P10
V1034;30-44 ans;La Chapelle-Fontaine;P08
V1035;45-59 ans;La Chapelle-Fontaine;P08
V1036;15-29 ans;Saint-Aubin-des-Prés;P05,P06,P07
V1037;30-44 ans;Lisière-sur-Vilaine;P01,P02,P05
V1038;45-59 ans;La Chapelle-Fontaine;P08
V1039;75 ans ou plus;La Chapelle-Fontaine;P09
V1040;75 ans ou plus;Lisière-sur-Vilaine;P01,P02,P08
V1041;30-44 ans;Lisière-sur-Vilaine;P02,P03
V1042;45-59 ans;Montreuil-le-Gué;P10,P11
V1043;15-29 ans;Lisière-sur-Vilaine;P02
V1044;75 ans ou plus;Lisière-sur-Vilaine;P01,P03,P04
V1045;15-29 ans;Lisière-sur-Vilaine;P01,P03,P08
V1046;60-74 ans;Lisière-sur-Vilaine;P01
V1047;45-59 ans;La Chapelle-Fontaine;P08,P09
V1048;60-74 ans;Lisière-sur-Vilaine;P01,P03,P04
V1049;15-29 ans;Lisière-sur-Vilaine;P01,P08
V1050;30-44 ans;Lisière-sur-Vilaine;P02,P03,P04
V1051;15-29 ans;Lisière-sur-Vilaine;P01,P03,P04
V1052;30-44 ans;La Chapelle-Fontaine;P02,P08
V1053;30-44 ans;La Chapelle-Fontaine;P09
V1054;30-44 ans;Saint-Aubin-des-Prés;P05,P06
V1055;30-44 ans;Lisière-sur-Vilaine;P05,P07,P08
V1056;15-29 ans;Saint-Aubin-des-Prés;P07
V1057;45-59 ans;Montreuil-le-Gué;P09,P10,P11
V1058;60-74 ans;Lisière-sur-Vilaine;P02,P03,P04
V1059;60-74 ans;Lisière-sur-Vilaine;P01,P03,P04
V1060;45-59 ans;Lisière-sur-Vilaine;P03,P09
V1061;15-29 ans;Lisière-sur-Vilaine;P01,P02,P03
V1062;15-29 ans;Lisière-sur-Vilaine;P01,P02,P04
V1063;30-44 ans;La Chapelle-Fontaine;P12
V1064;75 ans ou plus;Lisière-sur-Vilaine;P02,P03,P05
V1065;45-59 ans;Lisière-sur-Vilaine;P01,P02,P08
V1066;15-29 ans;Lisière-sur-Vilaine;P02,P04,P11
V1067;15-29 ans;Lisière-sur-Vilaine;P02,P07,P09
V1068;60-74 ans;Montreuil-le-Gué;P04,P10,P12
V1069;30-44 ans;Lisière-sur-Vilaine;P10
V1070;30-44 ans;Saint-Aubin-des-Prés;P01
V1071;45-59 ans;Saint-Aubin-des-Prés;P01,P04,P06
V1072;15-29 ans;Saint-Aubin-des-Prés;P05,P06
V1073;15-29 ans;La Chapelle-Fontaine;P08,P09
V1074;30-44 ans;La Chapelle-Fontaine;P01
V1075;75 ans ou plus;La Chapelle-Fontaine;P08,P09
V1076;45-59 ans;Lisière-sur-Vilaine;P01,P02,P04
V1077;45-59 ans;Lisière-sur-Vilaine;P01,P03,P04
V1078;75 ans ou plus;Lisière-sur-Vilaine;P02,P12
V1079;30-44 ans;Lisière-sur-Vilaine;P03,P04,P12
V1080;30-44 ans;La Chapelle-Fontaine;P02,P07
V1081;60-74 ans;Lisière-sur-Vilaine;P02,P04,P12
V1082;45-59 ans;Montreuil-le-Gué;P10,P11
V1083;30-44 ans;La Chapelle-Fontaine;P02,P08
V1084;30-44 ans;Lisière-sur-Vilaine;P01,P07,P08
V1085;45-59 ans;Lisière-sur-Vilaine;P01,P02,P08
V1086;30-44 ans;La Chapelle-Fontaine;P09,P12
V1087;45-59 ans;Lisière-sur-Vilaine;P01,P02,P04
V1088;75 ans ou plus;Montreuil-le-Gué;P10
V1089;60-74 ans;Lisière-sur-Vilaine;P01,P02
V1090;60-74 ans;La Chapelle-Fontaine;P05,P07,P09
V1091;45-59 ans;Lisière-sur-Vilaine;P04,P09
V1092;30-44 ans;Lisière-sur-Vilaine;P01,P02,P03
V1093;30-44 ans;Lisière-sur-Vilaine;P02,P03,P10
V1094;30-44 ans;Lisière-sur-Vilaine;P02
V1095;45-59 ans;Lisière-sur-Vilaine;P01,P02,P03
V1096;30-44 ans;Saint-Aubin-des-Prés;P05,P06
V1097;30-44 ans;Lisière-sur-Vilaine;P08
V1098;45-59 ans;Lisière-sur-Vilaine;P01,P07,P08
V1099;15-29 ans;Saint-Aubin-des-Prés;P06
V1100;30-44 ans;Lisière-sur-Vilaine;P01,P02,P03
V1101;30-44 ans;Lisière-sur-Vilaine;P02,P03
V1102;45-59 ans;Saint-Aubin-des-Prés;P06,P07
V1103;30-44 ans;Montreuil-le-Gué;P01,P11,P12
V1104;60-74 ans;Lisière-sur-Vilaine;P02,P04,P07
V1105;45-59 ans;Lisière-sur-Vilaine;P01,P03,P09
V1106;45-59 ans;Lisière-sur-Vilaine;P01,P02,P03
V1107;45-59 ans;Saint-Aubin-des-Prés;P05,P06
V1108;30-44 ans;Lisière-sur-Vilaine;P01,P02,P08
V1109;45-59 ans;Lisière-sur-Vilaine;P02,P03,P05
V1110;60-74 ans;Lisière-sur-Vilaine;P04
V1111;30-44 ans;Lisière-sur-Vilaine;P01,P03,P04
V1112;15-29 ans;Lisière-sur-Vilaine;P01,P02,P04
V1113;30-44 ans;Saint-Aubin-des-Prés;P06,P07
V1114;60-74 ans;Lisière-sur-Vilaine;P03
V1115;30-44 ans;Lisière-sur-Vilaine;P01,P02
V1116;15-29 ans;Lisière-sur-Vilaine;P01,P10,P12
V1117;60-74 ans;Lisière-sur-Vilaine;P02,P03,P04
V1118;45-59 ans;Montreuil-le-Gué;P11
V1119;45-59 ans;Lisière-sur-Vilaine;P12
V1120;60-74 ans;Lisière-sur-Vilaine;P02,P04
V1121;15-29 ans;Lisière-sur-Vilaine;P01,P02,P05
V1122;30-44 ans;Lisière-sur-Vilaine;P01,P02,P03
V1123;45-59 ans;La Chapelle-Fontaine;P02,P03,P08
V1124;45-59 ans;Lisière-sur-Vilaine;P01,P02,P04
V1125;30-44 ans;Lisière-sur-Vilaine;P01,P02,P03
V1126;60-74 ans;Lisière-sur-Vilaine;P01,P02,P03
V1127;30-44 ans;Lisière-sur-Vilaine;P01,P03
V1128;30-44 ans;La Chapelle-Fontaine;P04,P08
V1129;60-74 ans;Montreuil-le-Gué;P08
V1130;45-59 ans;Lisière-sur-Vilaine;P03,P05
